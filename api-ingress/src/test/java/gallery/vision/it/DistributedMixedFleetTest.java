package gallery.vision.it;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet of workers with different models against the real broker and S3 server: a faces-only worker and an
 * embeddings-only worker. Each consumes only the job queues of its own analyses, so together they answer both
 * routes; the route no worker serves ({@code /objects}) is refused at once; and the only worker of an analysis
 * dying mid-job loses nothing: its job waits in the analysis' queue for the next worker with that model.
 */
class DistributedMixedFleetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static DistributedCluster cluster;
    private static DistributedCluster.Worker faces;
    private static DistributedCluster.Worker embeddings;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = DistributedCluster.start(0, "--gallery.ingress.request-timeout=60s");
        faces = cluster.startWorker("--MODEL_DIR=" + ModelSubsets.faces());
        embeddings = cluster.startWorker("--MODEL_DIR=" + ModelSubsets.embeddings());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void releaseHeldAnalyses() {
        cluster.control.release();
    }

    @Test
    void answersEachRouteFromTheWorkerThatHasItsModel() {
        byte[] jpeg = UniqueJpegs.unique(200, 150);
        int facesJobs = cluster.control.jobsReceivedBy(faces.name());
        int embeddingsJobs = cluster.control.jobsReceivedBy(embeddings.name());

        HttpResponse<String> facesAnswer = cluster.post("/faces", jpeg);
        HttpResponse<String> embeddingsAnswer = cluster.post("/embeddings", jpeg);

        assertThat(facesAnswer.statusCode()).as(facesAnswer.body()).isEqualTo(200);
        assertThat(JSON.readTree(facesAnswer.body()).get("data")).isEqualTo(expected(AnalysisKind.FACES, jpeg));
        assertThat(embeddingsAnswer.statusCode()).as(embeddingsAnswer.body()).isEqualTo(200);
        assertThat(JSON.readTree(embeddingsAnswer.body()).get("data")).isEqualTo(expected(AnalysisKind.EMBEDDINGS, jpeg));
        assertThat(cluster.control.jobsReceivedBy(faces.name())).isEqualTo(facesJobs + 1);
        assertThat(cluster.control.jobsReceivedBy(embeddings.name())).isEqualTo(embeddingsJobs + 1);
    }

    @Test
    void refusesTheRouteNoWorkerServesAtOnceNamingIt() {
        HttpResponse<String> response = cluster.post("/objects", UniqueJpegs.unique());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(response.body()).get("error").asString())
                .isEqualTo("no running worker has the model for objects, retry later");
    }

    @Test
    void finishesBulkJobsForEveryAnalysisTheFleetServes() {
        byte[] jpeg = UniqueJpegs.unique(160, 120);

        String id = JSON.readTree(cluster.post("/jobs?analyses=faces,embeddings", jpeg).body()).get("id").asString();

        JsonNode[] job = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = JSON.readTree(cluster.get("/jobs/" + id).body());
            return !job[0].get("status").asString().matches("queued|running");
        });
        assertThat(job[0].get("status").asString()).isEqualTo("done");
        assertThat(job[0].get("results").get("faces").get("srcSha1sum").asString()).isEqualTo(Sha1.hex(jpeg));
        assertThat(job[0].get("results").get("embeddings").get("data")).isEqualTo(expected(AnalysisKind.EMBEDDINGS, jpeg));
    }

    @Test
    void keepsTheJobOfTheOnlyWorkerOfAnAnalysisThatDiesMidJobForTheNextOne() {
        byte[] jpeg = UniqueJpegs.unique();
        cluster.control.holdNextAnalysis();
        CompletableFuture<HttpResponse<String>> response = cluster.postAsync("/embeddings", jpeg);
        await().atMost(PATIENCE).until(() -> cluster.control.holding().equals(java.util.List.of(embeddings.name())));
        DistributedCluster.Worker victim = embeddings;

        victim.kill();
        assertThat(response).isNotDone();
        embeddings = cluster.startWorker("--MODEL_DIR=" + ModelSubsets.embeddings());

        HttpResponse<String> answer = response.join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("data")).isEqualTo(expected(AnalysisKind.EMBEDDINGS, jpeg));
        assertThat(cluster.control.jobsReceivedBy(embeddings.name())).isEqualTo(1);
        cluster.control.release();
        cluster.stopWorker(victim);
    }

    /**
     * The {@code data} the installed analyzer computes for the image, computed here, outside any service, and read
     * back from its JSON as an answer is (floats become doubles).
     */
    private static JsonNode expected(AnalysisKind kind, byte[] jpeg) {
        JpegDecoder decoder = faces.context().getBean(JpegDecoder.class);
        return JSON.readTree(JSON.writeValueAsBytes(cluster.control.unwatched(kind).analyze(decoder.decode(jpeg))));
    }
}

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
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asynchronous jobs in distributed mode against the real broker and S3 server: jobs travel on the bulk queue,
 * records and failures live in the bucket, so a job survives a worker killed mid-job and a restart of the ingress.
 * Workers run the real faces analyzer and have no model for objects or embeddings.
 */
class DistributedJobsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static DistributedCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = DistributedCluster.start(1, "--MODEL_DIR=" + ModelSubsets.faces());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void consumeAgain() {
        cluster.control.release();
        cluster.workers().forEach(worker -> {
            worker.jobContainer().start();
            worker.bulkContainer().start();
        });
    }

    @Test
    void reportsTheSynchronousAnswerAndTheFailureOfAMissingModel() {
        byte[] jpeg = UniqueJpegs.unique(160, 120);

        HttpResponse<String> accepted = cluster.post("/jobs?analyses=faces,objects", jpeg);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/jobs/" + id);
        JsonNode job = awaitFinished(id);
        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode faces = job.get("results").get("faces");
        assertThat(faces.get("srcSha1sum").asString()).isEqualTo(Sha1.hex(jpeg));
        assertThat(faces.get("data")).isEqualTo(expectedFaces(jpeg));
        assertThat(withoutCreated(faces)).isEqualTo(withoutCreated(JSON.readTree(cluster.post("/faces", jpeg).body())));
        assertThat(job.get("errors").get("objects").get("status").asInt()).isEqualTo(503);
        assertThat(job.get("errors").get("objects").get("error").asString()).isEqualTo("no running worker has the model for objects, retry later");
    }

    @Test
    void analyzesAnImageSubmittedAgainWhileItsJobRunsOnlyOnce() {
        byte[] jpeg = UniqueJpegs.unique();
        int analyses = cluster.control.analyses();
        cluster.control.holdNextAnalysis();
        String first = JSON.readTree(cluster.post("/jobs?analyses=faces", jpeg).body()).get("id").asString();
        await().atMost(PATIENCE).until(() -> cluster.control.holding().size() == 1);

        String second = JSON.readTree(cluster.post("/jobs?analyses=faces", jpeg).body()).get("id").asString();
        cluster.control.release();

        assertThat(awaitFinished(first).get("status").asString()).isEqualTo("done");
        assertThat(awaitFinished(second).get("results")).isEqualTo(awaitFinished(first).get("results"));
        assertThat(cluster.control.analyses()).isEqualTo(analyses + 1);
    }

    @Test
    void finishesAJobAfterItsWorkerWasKilledMidJobAndTheIngressRestarted() throws Exception {
        byte[] jpeg = UniqueJpegs.unique(180, 140);
        cluster.workers().forEach(worker -> worker.bulkContainer().stop());
        try (WorkerProcess doomed = cluster.startWorkerProcess()) {
            await().atMost(Duration.ofMinutes(3)).until(() -> doomed.state().equals("ready") || !doomed.isAlive());
            assertThat(doomed.isAlive()).as("worker process started").isTrue();
            String id = JSON.readTree(cluster.post("/jobs?analyses=faces", jpeg).body()).get("id").asString();
            await().atMost(PATIENCE).until(() -> doomed.state().equals("holding"));
            assertThat(JSON.readTree(cluster.get("/jobs/" + id).body()).get("status").asString()).isEqualTo("queued");

            doomed.kill();
            cluster.restartIngress();
            cluster.workers().forEach(worker -> worker.bulkContainer().start());

            JsonNode job = awaitFinished(id);
            assertThat(job.get("status").asString()).isEqualTo("done");
            assertThat(job.get("results").get("faces").get("data")).isEqualTo(expectedFaces(jpeg));
        }
    }

    @Test
    void answers404ForAnUnknownJobAndListsTheAnnouncedModels() {
        HttpResponse<String> unknown = cluster.get("/jobs/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asString()).contains("no such job");

        JsonNode models = JSON.readTree(cluster.get("/models").body());
        assertThat(models.propertyNames()).containsExactly("faces");
        JsonNode answer = JSON.readTree(cluster.post("/faces", UniqueJpegs.unique()).body());
        assertThat(models.get("faces").get("model")).isEqualTo(answer.get("model"));
        assertThat(models.get("faces").get("version")).isEqualTo(answer.get("version"));
    }

    private static JsonNode awaitFinished(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = cluster.get("/jobs/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last[0] = JSON.readTree(response.body());
            return !last[0].get("status").asString().matches("queued|running");
        });
        return last[0];
    }

    /** The {@code data} the faces analyzer computes for the image, computed here, outside any service. */
    private static JsonNode expectedFaces(byte[] jpeg) {
        JpegDecoder decoder = cluster.workers().get(0).context().getBean(JpegDecoder.class);
        return JSON.valueToTree(cluster.control.unwatched(AnalysisKind.FACES).analyze(decoder.decode(jpeg)));
    }

    private static JsonNode withoutCreated(JsonNode answer) {
        ObjectNode copy = ((ObjectNode) answer).deepCopy();
        copy.remove("created");
        return copy;
    }
}

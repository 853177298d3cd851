package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.Sha1;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.common.testing.FaceApiPackage;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /jobs}, {@code GET /jobs/{id}} and {@code GET /models} in embedded mode with the models the build
 * converted, over real HTTP.
 */
@EmbeddedIngressTest
class JobsHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    BlobStore store;
    @Autowired
    AnalyzerRegistry analyzers;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void reportsForEachAnalysisExactlyWhatTheSynchronousRouteAnswers() throws IOException {
        byte[] jpeg = Files.readAllBytes(FaceApiPackage.demoPhoto("sample1.jpg")
                .orElseThrow(() -> new IllegalStateException("the build extracts face-api's demo photos; run the reactor build")));

        HttpResponse<String> accepted = http.postJpeg("/jobs", jpeg);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode job = json(accepted);
        String id = job.get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/jobs/" + id);
        assertThat(job.get("srcSha1sum").asString()).isEqualTo(Sha1.hex(jpeg));
        assertThat(job.get("status").asString()).isIn("queued", "running");
        assertThat(accepted.headers().firstValue("Retry-After")).isPresent();

        JsonNode done = awaitFinished(id);
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.has("errors")).isFalse();
        for (AnalysisKind kind : AnalysisKind.values()) {
            // Forget the stored answer, so that the synchronous route computes it again rather than reading it.
            store.delete(StorageKeys.resultKey(kind, analyzers.model(kind).orElseThrow(), Sha1.hex(jpeg)));
            HttpResponse<String> sync = http.postJpeg("/" + kind.path(), jpeg);
            assertThat(sync.statusCode()).isEqualTo(200);
            assertThat(withoutCreated(done.get("results").get(kind.path()))).as(kind.path())
                    .isEqualTo(withoutCreated(json(sync)));
        }
    }

    @Test
    void answersAJobForStoredAnswersAsDoneAtOnce() {
        byte[] jpeg = TestJpegs.baseline(64, 48);
        HttpResponse<String> sync = http.postJpeg("/embeddings", jpeg);

        HttpResponse<String> accepted = http.postJpeg("/jobs?analyses=embeddings", jpeg);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json(accepted).get("status").asString()).isEqualTo("done");
        assertThat(accepted.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json(accepted).get("results").get("embeddings")).isEqualTo(json(sync));
        assertThat(json(accepted).get("analyses").toString()).isEqualTo("[\"embeddings\"]");
    }

    @Test
    void givesEveryJobItsOwnUnguessableId() {
        byte[] jpeg = TestJpegs.baseline(32, 32);
        String first = json(http.postJpeg("/jobs?analyses=objects", jpeg)).get("id").asString();
        String second = json(http.postJpeg("/jobs?analyses=objects", jpeg)).get("id").asString();

        assertThat(first).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second);
    }

    @Test
    void answers400NamingAnUnknownAnalysis() {
        HttpResponse<String> response = http.postJpeg("/jobs?analyses=faces,colours", TestJpegs.baseline(16, 16));

        assertJsonError(response, 400, "'colours'");
    }

    @Test
    void answers404JsonForAnUnknownJob() {
        assertJsonError(http.get("/jobs/AAAAAAAAAAAAAAAAAAAAAA"), 404, "no such job");
        assertJsonError(http.get("/jobs/not-a-job-id"), 404, "no such job");
    }

    @Test
    void refusesBadInputWithTheErrorsOfTheSynchronousRoutes() {
        assertJsonError(http.postJpeg("/jobs", TestJpegs.png(16, 16)), 400, "not a JPEG");
        assertJsonError(http.postJpeg("/jobs", new byte[0]), 400, "empty");
        assertJsonError(http.send("POST", "/jobs", "text/plain", TestJpegs.baseline(16, 16)), 415, "image/jpeg");
        assertJsonError(http.postJpeg("/jobs", new byte[3 * 1024 * 1024]), 413, "");
    }

    @Test
    void listsEveryInstalledModelWithTheNameAndVersionItsAnswersCarry() {
        JsonNode models = json(http.get("/models"));

        assertThat(models.propertyNames()).containsExactly("embeddings", "objects", "faces");
        byte[] jpeg = TestJpegs.baseline(48, 40);
        for (AnalysisKind kind : AnalysisKind.values()) {
            JsonNode answer = json(http.postJpeg("/" + kind.path(), jpeg));
            assertThat(models.get(kind.path()).get("model")).isEqualTo(answer.get("model"));
            assertThat(models.get(kind.path()).get("version")).isEqualTo(answer.get("version"));
        }
    }

    @Test
    void longPollAnswersDoneInOneRequestWhenTheJobFinishesWhileWaiting() {
        byte[] jpeg = TestJpegs.progressive(97, 61);
        HttpResponse<String> accepted = http.postJpeg("/jobs", jpeg);
        assertThat(json(accepted).get("status").asString()).isIn("queued", "running");

        HttpResponse<String> waited = http.get("/jobs/" + json(accepted).get("id").asString() + "?wait=25s");

        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(json(waited).get("status").asString()).isEqualTo("done");
        assertThat(json(waited).get("results").propertyNames()).containsExactly("embeddings", "objects", "faces");
        assertThat(waited.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void longPollAnswersTheCurrentStatusWithRetryAfterWhenTheWaitIsOver() {
        // A job whose analyses were never launched stays queued.
        JobRecord job = new JobRecord(JobIds.next(), Sha1.hex(new byte[] {42}), java.util.List.of(AnalysisKind.FACES),
                java.time.Instant.now(), null);
        new JobRecords(store, tools.jackson.databind.json.JsonMapper.shared()).save(job);

        HttpResponse<String> waited = http.get("/jobs/" + job.id() + "?wait=300ms");

        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(json(waited).get("status").asString()).isEqualTo("queued");
        assertThat(waited.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void answers400JsonForABadWait() {
        String id = json(http.postJpeg("/jobs?analyses=embeddings", TestJpegs.baseline(40, 24))).get("id").asString();

        assertJsonError(http.get("/jobs/" + id + "?wait=soon"), 400, "wait must be");
        assertJsonError(http.get("/jobs/" + id + "?wait=-5"), 400, "wait must be");
        assertJsonError(http.get("/jobs/" + id + "?wait=1h"), 400, "wait must be");
    }

    @Test
    void answers404JsonAtOnceWhenWaitingForAnUnknownJob() {
        assertJsonError(http.get("/jobs/AAAAAAAAAAAAAAAAAAAAAA?wait=25s"), 404, "no such job");
    }

    private JsonNode awaitFinished(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = http.get("/jobs/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            last[0] = json(response);
            return !last[0].get("status").asString().matches("queued|running");
        });
        return last[0];
    }

    private static JsonNode withoutCreated(JsonNode answer) {
        ObjectNode copy = ((ObjectNode) answer).deepCopy();
        copy.remove("created");
        return copy;
    }
}

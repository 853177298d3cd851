package gallery.vision.ingress;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.analysis.AnalysisService;
import gallery.vision.ingress.support.BlockingTestAnalyzer;
import gallery.vision.ingress.support.HeldEmbeddingsAnalyzer;
import gallery.vision.ingress.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import gallery.vision.ingress.support.NoModels;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Embedded mode's in-process queue with one analysis thread and room for one waiting job: full queue, single
 * flight and stored answers. The analyzer is a test double that holds each job until the test releases it.
 */
@EmbeddedIngressTest(properties = {
        "WORKER_THREADS=1",
        "QUEUE_CAPACITY=1",
        "RETRY_AFTER=7s"})
@Import(HeldEmbeddingsAnalyzer.class)
class EmbeddedDispatchTest {

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;
    @Autowired
    BlockingTestAnalyzer analyzer;
    @Autowired
    AnalysisService analysis;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        analyzer.reset();
    }

    @AfterEach
    void releaseHeldJobs() {
        analyzer.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> analysis.inFlight() == 0);
    }

    @Test
    void returns503WithRetryAfterWhenQueueIsFull() {
        CompletableFuture<HttpResponse<String>> running = http.postJpegAsync("/embeddings", TestJpegs.baseline(40, 30));
        await().atMost(Duration.ofSeconds(10)).until(() -> analyzer.calls() == 1);
        CompletableFuture<HttpResponse<String>> queued = http.postJpegAsync("/embeddings", TestJpegs.baseline(41, 30));
        await().atMost(Duration.ofSeconds(10)).until(() -> analysis.inFlight() == 2);

        HttpResponse<String> rejected = http.postJpeg("/embeddings", TestJpegs.baseline(42, 30));

        assertJsonError(rejected, 503, "retry later");
        assertThat(rejected.headers().firstValue("Retry-After")).hasValue("7");
        analyzer.release();
        assertThat(running.join().statusCode()).isEqualTo(200);
        assertThat(queued.join().statusCode()).isEqualTo(200);
    }

    @Test
    void runsOneJobForConcurrentRequestsOfTheSameImage() {
        byte[] jpeg = TestJpegs.progressive(50, 30);
        CompletableFuture<HttpResponse<String>> first = http.postJpegAsync("/embeddings", jpeg);
        await().atMost(Duration.ofSeconds(10)).until(() -> analyzer.calls() == 1);
        CompletableFuture<HttpResponse<String>> second = http.postJpegAsync("/embeddings", jpeg);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> analysis.inFlight() == 1);

        analyzer.release();

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(second.join().body()).isEqualTo(first.join().body());
        assertThat(analyzer.calls()).isEqualTo(1);
    }

    @Test
    void answersStoredResultWithoutAnalyzingAgain() {
        byte[] jpeg = TestJpegs.grayscale(60, 20);
        analyzer.release();
        HttpResponse<String> computed = http.postJpeg("/embeddings", jpeg);

        HttpResponse<String> stored = http.postJpeg("/embeddings", jpeg);

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(computed.body());
        assertThat(analyzer.calls()).isEqualTo(1);
    }

    @Test
    void answersInTheSeedsShape() {
        byte[] jpeg = TestJpegs.baseline(70, 20);
        analyzer.release();

        HttpResponse<String> response = http.postJpeg("/embeddings", jpeg);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(response).propertyNames()).containsExactly("srcSha1sum", "model", "version", "created", "data");
        assertThat(json(response).get("srcSha1sum").asString()).isEqualTo(gallery.vision.common.Sha1.hex(jpeg));
        assertThat(json(response).get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
}

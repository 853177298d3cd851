package gallery.vision.ingress.limits;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import gallery.vision.ingress.support.SlowEmbeddingsAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood far beyond capacity (one analysis thread, 300 ms per image, room for 60 waiting jobs, 10 s to answer): every
 * request gets 200 or 503 with {@code Retry-After}, none waits out its timeout for a 504 (the queue could hold 60 jobs,
 * but only about two dozen can be answered in time), and the next request after the flood gets 200.
 */
@EmbeddedIngressTest(properties = {
        "WORKER_THREADS=1",
        "QUEUE_CAPACITY=60",
        "REQUEST_TIMEOUT=10s",
        "RETRY_AFTER=2s"})
@Import(SlowEmbeddingsAnalyzer.class)
class FloodHttpTest {

    private static final int FLOOD = 120;

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    @Test
    void answers200Or503WithRetryAfterToAFloodAndRecoversAtOnce() {
        Http http = new Http(port);
        assertThat(http.postJpeg("/embeddings", TestJpegs.baseline(50, 40)).statusCode()).isEqualTo(200);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            images.add(TestJpegs.baseline(60 + i, 40));
        }

        List<CompletableFuture<HttpResponse<String>>> flood = images.stream()
                .map(image -> http.postJpegAsync("/embeddings", image)).toList();

        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isIn(200, 503);
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
            }
        });
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503).isNotEmpty();
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).isNotEmpty();
        assertThat(http.postJpeg("/embeddings", TestJpegs.baseline(49, 40)).statusCode()).isEqualTo(200);
    }
}

package gallery.vision.ingress.limits;

import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.analysis.AnalysisService;
import gallery.vision.ingress.support.BlockingTestAnalyzer;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.HeldEmbeddingsAnalyzer;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decode pixel budget over real HTTP: a budget of two decoded 2000x1500 images (3 M pixels each) plus one decode
 * in progress (the jpeg-js-compatible decoder claims 2.5 times the pixels of a 4:2:0 image while it runs), held by
 * analyses that the test holds, so that further large images wait {@code DECODE_WAIT} and get 503 with
 * {@code Retry-After} while the first two still hold their pixels; the budget empties again when the analyses finish.
 */
@EmbeddedIngressTest(properties = {
        "DECODE_PIXEL_BUDGET=12000000",
        "DECODE_WAIT=3s",
        "WORKER_THREADS=1",
        "QUEUE_CAPACITY=16",
        "RETRY_AFTER=4s"})
@Import(HeldEmbeddingsAnalyzer.class)
class DecodePixelBudgetHttpTest {

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
    @Autowired
    BudgetedDecoder decoder;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        analyzer.reset();
    }

    @AfterEach
    void releaseHeldJobs() {
        analyzer.release();
        await().atMost(Duration.ofSeconds(20)).until(() -> analysis.inFlight() == 0);
    }

    @Test
    void returns503WithRetryAfterForImagesBeyondTheBudgetWhileItIsHeldAndEmptiesItAfterwards() {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(http.postJpegAsync("/embeddings", TestJpegs.baseline(2000 + i, 1500)));
        }

        // Two images fit the budget and wait in the analysis (held); the other four cannot be decoded meanwhile.
        await().atMost(Duration.ofSeconds(30)).until(() -> responses.stream().filter(CompletableFuture::isDone).count() == 4);
        // only the decoded images' own pixels stay claimed once their decodes are done
        assertThat(decoder.budget().inUse()).isBetween(2 * 2000L * 1500, 2 * 2005L * 1500);
        for (CompletableFuture<HttpResponse<String>> done : responses.stream().filter(CompletableFuture::isDone).toList()) {
            assertJsonError(done.join(), 503, "too many large images");
            assertThat(done.join().headers().firstValue("Retry-After")).hasValue("4");
        }
        analyzer.release();

        assertThat(responses).extracting(response -> response.join().statusCode())
                .containsOnly(200, 503)
                .filteredOn(status -> status == 200).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> decoder.budget().inUse() == 0);
    }

    @Test
    void decodesAnImageLargerThanTheWholeBudgetAlone() {
        analyzer.release();

        HttpResponse<String> response = http.postJpeg("/embeddings", TestJpegs.baseline(3000, 2500));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> decoder.budget().inUse() == 0);
    }
}

package gallery.vision.ingress.metrics;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.PrometheusScrape;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingress' meters in the Prometheus scrape, over real HTTP in embedded mode with the installed models: a
 * computed answer, a stored one and a bad request each land in their series. Counts are compared before and after,
 * since the tests of this class share one application.
 */
@EmbeddedIngressTest
class AnalysisMetricsHttpTest {

    private static final String REQUESTS = "gallery_vision_request_seconds_count";
    private static final String STORED = "gallery_vision_stored_answers_total";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private PrometheusScrape scrape() {
        HttpResponse<String> response = http.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    /**
     * A scrape once the request is counted: an answer computed asynchronously is recorded when the container has
     * completed it, which may be just after the client has read it.
     */
    private PrometheusScrape scrapeOnceCounted(Map<String, String> series, PrometheusScrape before) {
        double counted = before.valueOrZero(REQUESTS, series);
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(this::scrape, scrape -> scrape.valueOrZero(REQUESTS, series) > counted);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not counted in " + series + "; counted requests: " + scrape().samples().stream()
                    .filter(sample -> sample.name().equals(REQUESTS) && sample.value() > 0).toList(), e);
        }
    }

    private static Map<String, String> faces(String outcome) {
        return Map.of("analysis", "faces", "outcome", outcome);
    }

    @Test
    void countsComputedFaceAnswerAsOkAndTimesItsInference() {
        PrometheusScrape before = scrape();

        assertThat(http.postJpeg("/faces", TestJpegs.baseline(96, 64)).statusCode()).isEqualTo(200);

        PrometheusScrape after = scrapeOnceCounted(faces("ok"), before);
        assertThat(after.valueOrZero(REQUESTS, faces("ok")) - before.valueOrZero(REQUESTS, faces("ok"))).isEqualTo(1);
        assertThat(after.value("gallery_vision_request_seconds_bucket", Map.of("analysis", "faces", "outcome", "ok",
                "le", "+Inf"))).hasValue(after.valueOrZero(REQUESTS, faces("ok")));
        assertThat(after.valueOrZero(STORED, Map.of("analysis", "faces", "result", "miss"))
                - before.valueOrZero(STORED, Map.of("analysis", "faces", "result", "miss"))).isEqualTo(1);
        Map<String, String> faceApi = Map.of("analysis", "faces", "network", "face-api");
        assertThat(after.valueOrZero("gallery_vision_inference_seconds_count", faceApi)
                - before.valueOrZero("gallery_vision_inference_seconds_count", faceApi)).isEqualTo(1);
        assertThat(after.valueOrZero("gallery_vision_inference_seconds_sum", faceApi))
                .isGreaterThan(before.valueOrZero("gallery_vision_inference_seconds_sum", faceApi));
    }

    @Test
    void countsStoredAnswerAsCachedHit() {
        byte[] jpeg = TestJpegs.baseline(80, 48);
        assertThat(http.postJpeg("/faces", jpeg).statusCode()).isEqualTo(200);
        PrometheusScrape before = scrape();

        assertThat(http.postJpeg("/faces", jpeg).statusCode()).isEqualTo(200);

        PrometheusScrape after = scrapeOnceCounted(faces("cached"), before);
        assertThat(after.valueOrZero(REQUESTS, faces("cached")) - before.valueOrZero(REQUESTS, faces("cached"))).isEqualTo(1);
        assertThat(after.valueOrZero(REQUESTS, faces("ok")) - before.valueOrZero(REQUESTS, faces("ok"))).isZero();
        Map<String, String> hits = Map.of("analysis", "faces", "result", "hit");
        assertThat(after.valueOrZero(STORED, hits) - before.valueOrZero(STORED, hits)).isEqualTo(1);
        assertThat(after.valueOrZero("gallery_vision_inference_seconds_count", Map.of("analysis", "faces")))
                .as("a stored answer runs no network")
                .isEqualTo(before.valueOrZero("gallery_vision_inference_seconds_count", Map.of("analysis", "faces")));
    }

    @Test
    void countsBadRequestAsClientError() {
        PrometheusScrape before = scrape();

        assertThat(http.postJpeg("/faces", TestJpegs.text()).statusCode()).isEqualTo(400);

        PrometheusScrape after = scrapeOnceCounted(faces("client_error"), before);
        assertThat(after.valueOrZero(REQUESTS, faces("client_error"))
                - before.valueOrZero(REQUESTS, faces("client_error"))).isEqualTo(1);
        assertThat(after.valueOrZero(REQUESTS, faces("ok"))).isEqualTo(before.valueOrZero(REQUESTS, faces("ok")));
    }

    @Test
    void showsIdleQueuesPixelBudgetAndEveryOutcomeSeries() {
        PrometheusScrape scrape = scrape();

        assertThat(scrape.value("gallery_vision_jobs_waiting", Map.of("lane", "interactive"))).hasValue(0.0);
        assertThat(scrape.value("gallery_vision_jobs_waiting", Map.of("lane", "bulk"))).hasValue(0.0);
        assertThat(scrape.value("gallery_vision_decode_pixels_in_use", Map.of())).hasValue(0.0);
        assertThat(scrape.value("gallery_vision_decode_pixels_budget", Map.of())).hasValue(64_000_000.0);
        for (String analysis : new String[] {"faces", "objects", "embeddings"}) {
            for (String outcome : new String[] {"ok", "cached", "client_error", "unavailable", "timeout", "error"}) {
                assertThat(scrape.value(REQUESTS, Map.of("analysis", analysis, "outcome", outcome)))
                        .as(analysis + " " + outcome).isPresent();
            }
        }
    }
}

package gallery.vision.ingress.metrics;

import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import gallery.vision.ingress.support.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default: {@code /actuator/prometheus} on the service's own port, and with access tokens set it needs one like
 * every route but the health probes. A refused analysis request is still counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}",
        "API_TOKENS=" + PrometheusBehindTokensHttpTest.TOKEN})
class PrometheusBehindTokensHttpTest {

    static final String TOKEN = "gv-metrics-token-7c1e05b9d2a4";

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    @Test
    void returns401ForScrapeWithoutToken() {
        assertJsonError(new Http(port).get("/actuator/prometheus"), 401, "Authorization: Bearer");
    }

    @Test
    void servesScrapeWithTokenAndCountsRefusedAnalysisAsClientError() {
        Http scraper = new Http(port).withHeader("Authorization", "Bearer " + TOKEN);
        Map<String, String> refused = Map.of("analysis", "objects", "outcome", "client_error");
        double before = PrometheusScrape.parse(scraper.get("/actuator/prometheus").body())
                .valueOrZero("gallery_vision_request_seconds_count", refused);

        assertThat(new Http(port).postJpeg("/objects", new byte[] {1}).statusCode()).isEqualTo(401);

        HttpResponse<String> response = scraper.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(PrometheusScrape.parse(response.body()).valueOrZero("gallery_vision_request_seconds_count", refused))
                .isEqualTo(before + 1);
    }
}

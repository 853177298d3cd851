package gallery.vision.ingress.metrics;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import gallery.vision.ingress.support.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code MANAGEMENT_PORT} set, the actuator (probes and scrape) moves to that port at {@code MANAGEMENT_ADDRESS}
 * and asks for no token there; the service's port no longer serves it, whatever the token. An analysis answered
 * on the service's port shows in the scrape of the management port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "MANAGEMENT_PORT=0",
        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}",
        "API_TOKENS=" + PrometheusOnManagementPortHttpTest.TOKEN})
class PrometheusOnManagementPortHttpTest {

    static final String TOKEN = "gv-metrics-token-40b8e2f61c97";

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesScrapeAndProbesOnManagementPortWithoutToken() {
        assertThat(managementPort).isNotEqualTo(port);
        Http management = new Http(managementPort);
        Map<String, String> unavailable = Map.of("analysis", "embeddings", "outcome", "unavailable");
        double before = PrometheusScrape.parse(management.get("/actuator/prometheus").body())
                .valueOrZero("gallery_vision_request_seconds_count", unavailable);

        // No model is installed: 503.
        Http client = new Http(port).withHeader("Authorization", "Bearer " + TOKEN);
        assertThat(client.postJpeg("/embeddings", TestJpegs.baseline(32, 32)).statusCode())
                .isEqualTo(503);

        HttpResponse<String> scrape = management.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(PrometheusScrape.parse(scrape.body()).valueOrZero("gallery_vision_request_seconds_count", unavailable))
                .isEqualTo(before + 1);
        assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void servicePortNoLongerServesScrape() {
        Http client = new Http(port).withHeader("Authorization", "Bearer " + TOKEN);

        assertThat(client.get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }
}

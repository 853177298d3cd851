package gallery.vision.ingress;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes the Kubernetes manifests use (k8s/base/api-ingress.yaml) answer on the API port everywhere, not only
 * where Spring Boot detects Kubernetes.
 */
@EmbeddedIngressTest
class ProbesHttpTest {

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void probeAnswersUpOnceStarted(String path) {
        HttpResponse<String> response = new Http(port).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }
}

package gallery.vision.ingress.demo;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;

/** By default ({@code DEMO_PAGE} unset) there is no page: {@code /} and its files are JSON 404s like any unknown route. */
@EmbeddedIngressTest
class DemoPageOffTest {

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/demo/demo.js", "/demo/demo.css"})
    void answersJson404WhenDemoPageIsOff(String path) {
        assertJsonError(new Http(port).get(path), 404, "no such route: GET " + path);
    }
}

package gallery.vision.ingress.apidocs;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;

/** Without {@code API_DOCS=true} the documentation paths are unknown routes: the usual JSON 404. */
@EmbeddedIngressTest
class ApiDocsOffByDefaultTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html"})
    void answersJson404OnTheDocumentationPaths(String path) {
        assertJsonError(new Http(port).get(path), 404, path);
    }
}

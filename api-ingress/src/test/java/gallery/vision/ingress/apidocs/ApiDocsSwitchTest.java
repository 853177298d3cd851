package gallery.vision.ingress.apidocs;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code API_DOCS}: off by default, the documentation paths are unknown routes; on, they serve. */
class ApiDocsSwitchTest {

    @Nested
    @EmbeddedIngressTest
    class ByDefault {

        @LocalServerPort
        int port;

        @ParameterizedTest
        @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html"})
        void answersJson404OnTheDocumentationPaths(String path) {
            assertJsonError(new Http(port).get(path), 404, path);
        }
    }

    @Nested
    @EmbeddedIngressTest(properties = "API_DOCS=true")
    class WhenApiDocsIsTrue {

        @LocalServerPort
        int port;

        @Test
        void servesSwaggerUiFromItsWebjarPointedAtTheDocument() {
            Http http = new Http(port);
            HttpResponse<String> page = http.get("/swagger-ui/index.html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui");
            HttpResponse<String> config = http.get("/v3/api-docs/swagger-config");
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).contains("/v3/api-docs");
            HttpResponse<String> script = http.get("/swagger-ui/swagger-ui-bundle.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body().length()).isGreaterThan(100_000);
        }

        @Test
        void redirectsSwaggerUiHtmlToTheUi() {
            HttpResponse<String> response = new Http(port).get("/swagger-ui.html");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/swagger-ui/index.html"));
        }
    }
}

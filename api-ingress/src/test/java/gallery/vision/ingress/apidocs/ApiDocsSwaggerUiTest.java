package gallery.vision.ingress.apidocs;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code API_DOCS=true}, Swagger UI is served from its webjar (no CDN) and reads the served document. */
@EmbeddedIngressTest(properties = "API_DOCS=true")
class ApiDocsSwaggerUiTest {

    @LocalServerPort
    int port;

    @Test
    void servesSwaggerUiFromItsWebjarPointedAtTheDocument() {
        Http http = new Http(port);
        HttpResponse<String> page = http.get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
        HttpResponse<String> config = http.get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"/v3/api-docs\"");
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

package gallery.vision.ingress.demo;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code DEMO_PAGE=true} and access tokens on, the page's own files are served to anyone, over real HTTP, and
 * nothing else is opened: the analysis routes the page calls and every other path still need the token. The page's
 * behaviour in a browser is tested by {@code scripts/demo-page-test.sh}.
 */
@EmbeddedIngressTest(properties = {"DEMO_PAGE=true", "API_TOKENS=" + DemoPageHttpTest.TOKEN})
class DemoPageHttpTest {

    static final String TOKEN = "demo-page-test-token-7c1e5a";

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final Pattern LINKED_FILE = Pattern.compile("(?:src|href)=\"(demo/[^\"]+)\"");

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    Http anonymous;

    @BeforeEach
    void client() {
        anonymous = new Http(port);
    }

    @Test
    void servesThePageAtRootWithoutTokenAndWithAPolicyThatAllowsOnlyThisOrigin() {
        HttpResponse<String> page = anonymous.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<title>Gallery Vision demo</title>");
    }

    @Test
    void servesEveryFileThePageLinksWithItsType() {
        List<String> linked = LINKED_FILE.matcher(anonymous.get("/").body()).results().map(m -> m.group(1)).toList();

        assertThat(linked).containsExactlyInAnyOrder("demo/demo.css", "demo/demo.js");
        for (String file : linked) {
            HttpResponse<String> response = anonymous.get("/" + file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(file)
                    .hasValue(file.endsWith(".js") ? "text/javascript;charset=UTF-8" : "text/css;charset=UTF-8");
            assertThat(response.body()).as(file).isNotBlank();
        }
    }

    /** No URL of another host (the SVG namespace is a name, never fetched); the browser test watches the requests. */
    @Test
    void pageNamesNoOtherHost() {
        for (String file : List.of("/", "/demo/demo.css", "/demo/demo.js")) {
            assertThat(anonymous.get(file).body().replace("'" + SVG_NAMESPACE + "'", "")).as(file)
                    .doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/faces", "/objects", "/embeddings"})
    void routesThePageCallsStillNeedTheToken(String route) {
        assertJsonError(anonymous.postJpeg(route, TestJpegs.baseline(32, 32)), 401, "access token is required");
        assertJsonError(anonymous.withHeader("Authorization", "Bearer " + TOKEN)
                .postJpeg(route, TestJpegs.baseline(32, 32)), 503, "not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo/other.js", "/demo/", "/demo", "/index.html", "/demo/demo.js/", "/demo/../faces",
            "/actuator/info"})
    void opensNoOtherPath(String path) {
        assertJsonError(anonymous.get(path), 401, "access token is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void opensThePageForReadingOnly(String method) {
        assertJsonError(anonymous.send(method, "/", "image/jpeg", TestJpegs.baseline(32, 32)), 401,
                "access token is required");
    }

    @Test
    void unknownPageFileIs404WithTheToken() {
        assertJsonError(anonymous.withHeader("Authorization", "Bearer " + TOKEN).get("/demo/other.js"), 404,
                "no such route");
    }
}

package gallery.vision.ingress.access;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.stream.Stream;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code API_TOKENS} set, every route but the health probes answers 401 without the right bearer token, over
 * real HTTP. Runs with no model installed: a request that gets past the token check reaches the analysis and its 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}",
        // the liveness and readiness groups, as on Kubernetes
        "management.endpoint.health.probes.enabled=true",
        "API_TOKENS= " + AccessTokenHttpTest.TOKEN + " , " + AccessTokenHttpTest.SECOND_TOKEN + " ,"})
class AccessTokenHttpTest {

    /** Also searched for in the logs of a CI run by scripts/check-logs-for-secrets.sh: it must never appear. */
    static final String TOKEN = "gv-test-token-5e0c81d7a93f42b6";
    static final String SECOND_TOKEN = "gv-second-token-0d4f7a9e18c2";

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

    private Http bearer(String token) {
        return anonymous.withHeader("Authorization", "Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/faces", "/objects", "/embeddings"})
    void returns401WithChallengeWhenAnalysisIsPostedWithoutToken(String route) {
        HttpResponse<String> response = anonymous.postJpeg(route, TestJpegs.baseline(32, 32));

        assertJsonError(response, 401, "Authorization: Bearer");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gallery-vision\"");
    }

    /** Routes the filter does not know, added later or unknown, are covered too: 401 before any 404. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/info", "/jobs/1234", "/models", "/no-such-route", "/error",
            "/health/../actuator/info", "/actuator/health/../info", "/health/"})
    void returns401ForEveryOtherRouteWithoutToken(String path) {
        assertJsonError(anonymous.get(path), 401, "access token is required");
    }

    /** Named, so that no test report shows the tokens (the CI log scan would find them there). */
    static Stream<Named<String>> wrongTokens() {
        return Stream.of(Named.of("one character short", TOKEN.substring(0, TOKEN.length() - 1)),
                Named.of("one character more", TOKEN + "x"),
                Named.of("other case", TOKEN.toUpperCase(Locale.ROOT)),
                Named.of("both tokens as a list", TOKEN + "," + SECOND_TOKEN));
    }

    @ParameterizedTest
    @MethodSource("wrongTokens")
    void returns401WithInvalidTokenErrorWhenTokenIsWrong(String token) {
        HttpResponse<String> response = bearer(token).postJpeg("/faces", TestJpegs.baseline(32, 32));

        assertJsonError(response, 401, "not valid");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"gallery-vision\", error=\"invalid_token\"");
    }

    @Test
    void returns401WhenTheTokenIsSentWithAnotherScheme() {
        HttpResponse<String> response = anonymous.withHeader("Authorization", "Basic " + TOKEN).get("/actuator/info");

        assertJsonError(response, 401, "access token is required");
    }

    @Test
    void neverEchoesTheTokenInAnAnswer() {
        HttpResponse<String> response = bearer(TOKEN + "-wrong").get("/actuator/info");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(TOKEN);
        assertThat(response.headers().map().toString()).doesNotContain(TOKEN);
    }

    @Test
    void analysisAnswersWithEitherRightToken() {
        assertJsonError(bearer(TOKEN).postJpeg("/faces", TestJpegs.baseline(32, 32)), 503, "not installed");
        assertJsonError(bearer(SECOND_TOKEN).postJpeg("/objects", TestJpegs.baseline(32, 32)), 503, "not installed");
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        HttpResponse<String> response = anonymous.withHeader("Authorization", "bearer " + TOKEN).get("/actuator/info");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRouteIs404OnceTheTokenIsRight() {
        assertJsonError(bearer(TOKEN).get("/no-such-route"), 404, "no such route");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesAnswerWithoutToken(String path) {
        HttpResponse<String> response = anonymous.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsAnyOf("\"OK\"", "\"UP\"");
    }
}

package gallery.vision.ingress.access;

import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens read from {@code API_TOKENS_FILE} and a per-token {@code RATE_LIMIT} of one request per second, over real
 * HTTP. Each test uses tokens of its own, so their allowances do not depend on the order the tests run in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}",
        "RATE_LIMIT=1"})
class RateLimitHttpTest {

    private static final String FILE_TOKEN = "file-token-8c1d2e3f4a5b6c7d";
    private static final String COMMENTED_OUT = "commented-token-9f8e7d6c5b4a";
    private static final String BUSY_TOKEN = "busy-token-1a2b3c4d5e6f7a8b";
    private static final String NOISY_TOKEN = "noisy-token-7d6c5b4a39281706";
    private static final String QUIET_TOKEN = "quiet-token-0f1e2d3c4b5a6978";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
        registry.add("API_TOKENS_FILE", RateLimitHttpTest::tokenFile);
    }

    private static String tokenFile() {
        try {
            Path file = Files.createTempFile("api-tokens", ".txt");
            Files.writeString(file, String.join("\n", "# tokens of the rate limit test", FILE_TOKEN, "",
                    "  " + BUSY_TOKEN + "  ", "#" + COMMENTED_OUT, NOISY_TOKEN, QUIET_TOKEN, ""));
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> getWith(String token, String path) {
        return new Http(port).withHeader("Authorization", "Bearer " + token).get(path);
    }

    @Test
    void acceptsTokensListedInTheFile() {
        assertThat(getWith(FILE_TOKEN, "/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void skipsCommentLinesOfTheFile() {
        assertJsonError(getWith(COMMENTED_OUT, "/actuator/info"), 401, "not valid");
    }

    @Test
    void returns429WithRetryAfterBeyondTheRateAndRecovers() {
        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(getWith(BUSY_TOKEN, "/actuator/info"));
        }

        assertThat(burst.get(0).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = burst.stream().filter(response -> response.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among 6 requests at once with a limit of 1 per second"));
        assertJsonError(refused, 429, "limit: 1 per second");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> getWith(BUSY_TOKEN, "/actuator/info").statusCode() == 200);
    }

    @Test
    void countsEachTokenOnItsOwn() {
        for (int i = 0; i < 4; i++) {
            getWith(NOISY_TOKEN, "/actuator/info");
        }

        assertThat(getWith(NOISY_TOKEN, "/actuator/info").statusCode()).isEqualTo(429);
        assertThat(getWith(QUIET_TOKEN, "/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void neverLimitsTheHealthProbes() {
        for (int i = 0; i < 5; i++) {
            assertThat(getWith(FILE_TOKEN, "/health").statusCode()).isEqualTo(200);
            assertThat(new Http(port).get("/actuator/health").statusCode()).isEqualTo(200);
        }
    }
}

package gallery.vision.ingress;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import gallery.vision.ingress.support.NoModels;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's REST contract over real HTTP: every status code a client can meet, each with its JSON error. Runs
 * with no model installed (MODEL_DIR points at a directory whose manifest lists no model), so valid images reach the 503 that says so.
 */
@EmbeddedIngressTest
class HttpContractTest {

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    private static final long TWO_MIB = 2L * 1024 * 1024;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthAnswersOkWithUptime() {
        HttpResponse<String> response = http.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("health").asString()).isEqualTo("OK");
        assertThat(body.get("uptime").asLong()).isPositive();
    }

    @Test
    void returns415WhenContentTypeIsMissing() {
        assertJsonError(http.send("POST", "/faces", null, TestJpegs.baseline(32, 32)), 415, "image/jpeg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/octet-stream", "text/plain", "multipart/form-data; boundary=x"})
    void returns415WhenContentTypeIsNotJpeg(String contentType) {
        assertJsonError(http.send("POST", "/objects", contentType, TestJpegs.baseline(32, 32)), 415, "image/jpeg");
    }

    static Stream<Arguments> undecodableBodies() {
        byte[] jpeg = TestJpegs.baseline(200, 150);
        return Stream.of(
                Arguments.of("empty", new byte[0], "empty"),
                Arguments.of("truncated", TestJpegs.truncated(jpeg, 0.5), "cannot be decoded"),
                Arguments.of("png", TestJpegs.png(32, 32), "not a JPEG"),
                Arguments.of("gif", TestJpegs.gif(32, 32), "not a JPEG"),
                Arguments.of("text", TestJpegs.text(), "not a JPEG"),
                Arguments.of("signature only", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "cannot be decoded"),
                Arguments.of("fuzz finding: 255 components", fuzzFinding("frame-with-255-components.jpg"),
                        "unsupported colour mode"),
                Arguments.of("fuzz finding: 501 scans", fuzzFinding("scan-flood-501-scans.jpg"), "more than 500 scans"));
    }

    /** A committed input of common's fuzz tests (docs/fuzzing.md), from common's test jar. */
    private static byte[] fuzzFinding(String name) {
        String resource = "/gallery/vision/common/image/JpegInputFuzzTestInputs/" + name;
        try (InputStream in = HttpContractTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodableBodies")
    void returns400ForBodiesThatAreNotDecodableJpegs(String name, byte[] body, String message) {
        for (String path : new String[]{"/embeddings", "/objects", "/faces"}) {
            assertJsonError(http.postJpeg(path, body), 400, message);
        }
    }

    @Test
    void returns413WhenFrameHeaderDeclaresMoreThanMaxPixels() {
        byte[] huge = TestJpegs.withDeclaredSize(TestJpegs.baseline(64, 64), 60000, 60000);

        assertJsonError(http.postJpeg("/faces", huge), 413, "60000x60000");
    }

    @Test
    void returns413WhenBodyExceedsLimit() {
        assertJsonError(http.postJpeg("/faces", new byte[(int) TWO_MIB + 1]), 413, "2097152 bytes");
    }

    @Test
    void returns413ForDeclaredOversizeBodyWithoutReadingIt() throws Exception {
        String head = RawHttp.statusAfterPartialBody(port, "/faces", 1L << 30, 64 * 1024);

        assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/json");
    }

    @Test
    void returns413WhileStreamingChunkedBodyPastLimit() throws Exception {
        String head = RawHttp.statusAfterChunkedBody(port, "/embeddings", (int) TWO_MIB + 256 * 1024);

        assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/json");
    }

    @Test
    void returns404ForUnknownRoute() {
        assertJsonError(http.get("/nope"), 404, "/nope");
        assertJsonError(http.postJpeg("/classify", TestJpegs.baseline(32, 32)), 404, "/classify");
    }

    @Test
    void returns405ForWrongMethod() {
        HttpResponse<String> response = http.get("/faces");

        assertJsonError(response, 405, "GET");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertJsonError(http.send("PUT", "/embeddings", "image/jpeg", TestJpegs.baseline(32, 32)), 405, "PUT");
        assertJsonError(http.send("DELETE", "/health", null, new byte[0]), 405, "DELETE");
    }

    static Stream<Arguments> decodableJpegs() {
        return Stream.of(
                Arguments.of("baseline", TestJpegs.baseline(120, 80)),
                Arguments.of("progressive", TestJpegs.progressive(120, 80)),
                Arguments.of("grayscale", TestJpegs.grayscale(120, 80)),
                Arguments.of("cmyk", TestJpegs.cmyk(120, 80)),
                Arguments.of("ycck", TestJpegs.ycck(120, 80)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodableJpegs")
    void returns503WithRetryAfterWhenModelIsNotInstalled(String name, byte[] jpeg) {
        for (String kind : new String[]{"embeddings", "objects", "faces"}) {
            HttpResponse<String> response = http.postJpeg("/" + kind, jpeg);

            assertJsonError(response, 503, "model for " + kind + " is not installed");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        }
    }
}

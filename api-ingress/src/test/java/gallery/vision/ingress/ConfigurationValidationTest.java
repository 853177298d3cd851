package gallery.vision.ingress;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.ingress.config.IngressProperties;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad setting stops the service at start-up with a message that names the environment variable. */
class ConfigurationValidationTest {

    private static ConfigurableApplicationContext start(String... settings) {
        return new SpringApplicationBuilder(ApiIngressApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1",
                        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}",
                        "MODEL_DIR=" + NoModels.directory())
                .properties(settings)
                .run();
    }

    @Test
    void failsAtStartWhenMaxBytesIsNotPositive() {
        assertThatThrownBy(() -> start("MAX_BYTES=-1")).hasStackTraceContaining("MAX_BYTES");
    }

    @Test
    void failsAtStartWhenQueueCapacityIsZero() {
        assertThatThrownBy(() -> start("QUEUE_CAPACITY=0")).hasStackTraceContaining("QUEUE_CAPACITY");
    }

    @Test
    void failsAtStartWhenTheDecodePixelBudgetIsZero() {
        assertThatThrownBy(() -> start("DECODE_PIXEL_BUDGET=0")).hasStackTraceContaining("DECODE_PIXEL_BUDGET");
    }

    @Test
    void failsAtStartWhenTheBodyReadTimeoutIsZero() {
        assertThatThrownBy(() -> start("BODY_READ_TIMEOUT=0s")).hasStackTraceContaining("BODY_READ_TIMEOUT");
    }

    @Test
    void failsAtStartWhenMaxConnectionsIsZero() {
        assertThatThrownBy(() -> start("MAX_CONNECTIONS=0")).hasStackTraceContaining("MAX_CONNECTIONS");
    }

    @Test
    void failsAtStartWhenMaxPixelsIsZero() {
        assertThatThrownBy(() -> start("MAX_PIXELS=0")).hasStackTraceContaining("MAX_PIXELS");
    }

    @Test
    void failsAtStartWhenJpegDecoderIsUnknown() {
        assertThatThrownBy(() -> start("JPEG_DECODER=libjpeg")).hasStackTraceContaining("JPEG_DECODER");
    }

    @Test
    void decodesWithJpegJsByDefaultAndImageIoOnRequest() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(JpegDecoder.class).decoding()).isEqualTo(JpegDecoding.JPEG_JS);
        }
        try (ConfigurableApplicationContext context = start("JPEG_DECODER=imageio")) {
            assertThat(context.getBean(JpegDecoder.class).decoding()).isEqualTo(JpegDecoding.IMAGEIO);
        }
    }

    @Test
    void acceptsTheSeedsMisspeltMaxByes() {
        try (ConfigurableApplicationContext context = start("MAX_BYES=1000")) {
            assertThat(context.getBean(IngressProperties.class).maxBytes()).isEqualTo(DataSize.ofBytes(1000));
        }
    }

    @Test
    void failsAtStartWhenDemoPageIsNeitherTrueNorFalse() {
        assertThatThrownBy(() -> start("DEMO_PAGE=yes")).hasStackTraceContaining("DEMO_PAGE must be true or false");
    }

    @Test
    void failsAtStartWhenRateLimitIsNegative() {
        assertThatThrownBy(() -> start("API_TOKENS=" + TOKEN, "RATE_LIMIT=-1")).hasStackTraceContaining("RATE_LIMIT");
    }

    @Test
    void failsAtStartWhenRateLimitIsSetWithoutTokens() {
        assertThatThrownBy(() -> start("RATE_LIMIT=5")).hasStackTraceContaining("RATE_LIMIT");
    }

    @Test
    void failsAtStartWhenTheTokenFileIsMissing() {
        assertThatThrownBy(() -> start("API_TOKENS_FILE=/nonexistent/api-tokens"))
                .hasStackTraceContaining("API_TOKENS_FILE");
    }

    @Test
    void failsAtStartWhenBothTokenSettingsAreSet() {
        assertThatThrownBy(() -> start("API_TOKENS=" + TOKEN, "API_TOKENS_FILE=/etc/hostname"))
                .hasStackTraceContaining("API_TOKENS_FILE");
    }

    @Test
    void failsAtStartWhenATokenIsTooShortWithoutShowingIt() {
        assertThatThrownBy(() -> start("API_TOKENS=" + TOKEN + ",letmein"))
                .hasStackTraceContaining("API_TOKENS: token 2")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("letmein").doesNotContain(TOKEN));
    }

    private static final String TOKEN = "config-test-token-4b3a29187f6e";

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}

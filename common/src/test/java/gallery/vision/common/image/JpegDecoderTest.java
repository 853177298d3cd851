package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.Sha1;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Behaviour both {@link JpegDecoding}s share: colours, size checks before decoding, and the errors for bad input. */
class JpegDecoderTest {

    private static final Path SEED = Path.of("../../shared/fixtures/seed");

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void decodesBaselineRgbToItsColours(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        RgbImage image = decoder.decode(TestJpegs.baseline(64, 48));

        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
        assertColour(image, 16, 12, 220, 30, 30);
        assertColour(image, 48, 12, 30, 200, 40);
        assertColour(image, 16, 36, 30, 40, 210);
        assertColour(image, 48, 36, 240, 240, 240);
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void decodesProgressiveLikeBaseline(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        RgbImage image = decoder.decode(TestJpegs.progressive(64, 48));

        assertColour(image, 16, 12, 220, 30, 30);
        assertColour(image, 48, 36, 240, 240, 240);
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void decodesGrayscaleToEqualRgbChannels(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        RgbImage image = decoder.decode(TestJpegs.grayscale(256, 8));

        for (int x : new int[]{0, 64, 128, 255}) {
            int r = image.channel(x, 4, 0);
            assertThat(image.channel(x, 4, 1)).isEqualTo(r);
            assertThat(image.channel(x, 4, 2)).isEqualTo(r);
            assertThat(r).isCloseTo(x, within(6));
        }
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void decodesAdobeCmykToRgb(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        assertCyanAndYellowHalves(decoder.decode(TestJpegs.cmyk(64, 32)));
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void decodesAdobeYcckToRgb(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        assertCyanAndYellowHalves(decoder.decode(TestJpegs.ycck(64, 32)));
    }

    private static void assertCyanAndYellowHalves(RgbImage image) {
        // Left half cyan: little red, much green and blue. Right half yellow: much red and green, little blue.
        assertThat(image.channel(16, 16, 0)).isLessThan(100);
        assertThat(image.channel(16, 16, 1)).isGreaterThan(140);
        assertThat(image.channel(16, 16, 2)).isGreaterThan(180);
        assertThat(image.channel(48, 16, 0)).isGreaterThan(200);
        assertThat(image.channel(48, 16, 1)).isGreaterThan(180);
        assertThat(image.channel(48, 16, 2)).isLessThan(100);
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void refusesDeclaredSizeFromHeaderBeforeAllocatingPixels(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        byte[] huge = TestJpegs.withDeclaredSize(TestJpegs.baseline(32, 32), 60000, 60000);

        assertThatThrownBy(() -> decoder.readSize(huge))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_PIXELS))
                .hasMessageContaining("60000x60000");
        assertThatThrownBy(() -> decoder.footprint(huge))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_PIXELS));
        assertThatThrownBy(() -> decoder.decode(huge))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_PIXELS));
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void rejectsTruncatedJpeg(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        byte[] truncated = TestJpegs.truncated(TestJpegs.baseline(200, 150), 0.5);

        assertRejected(decoder, truncated, ApiError.UNDECODABLE_IMAGE);
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void rejectsEmptyAndForeignFiles(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        assertRejected(decoder, new byte[0], ApiError.EMPTY_BODY);
        assertRejected(decoder, TestJpegs.png(16, 16), ApiError.NOT_A_JPEG);
        assertRejected(decoder, TestJpegs.gif(16, 16), ApiError.NOT_A_JPEG);
        assertRejected(decoder, TestJpegs.text(), ApiError.NOT_A_JPEG);
    }

    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    void rejectsJpegSignatureWithoutImage(JpegDecoding decoding) {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        assertRejected(decoder, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, ApiError.UNDECODABLE_IMAGE);
    }

    /**
     * Needs {@code ../shared}; vision-worker's {@code DemoPhotoDecodingTest} does the same on face-api's demo photos,
     * which every build fetches (they are not there yet when this module's tests run).
     */
    @ParameterizedTest
    @EnumSource(JpegDecoding.class)
    @EnabledIf("seedFixturesPresent")
    void decodesSeedSamplesToTheirDocumentedSizes(JpegDecoding decoding) throws IOException {
        JpegDecoder decoder = new JpegDecoder(50_000_000, decoding);
        byte[] progressive = Files.readAllBytes(SEED.resolve("sample.jpg"));
        byte[] baseline = Files.readAllBytes(SEED.resolve("sample-2.jpg"));

        assertThat(Sha1.hex(progressive)).isEqualTo("17f5e000be30d7915fe161a03db2773de279df1f");
        assertThat(Sha1.hex(baseline)).isEqualTo("c3328f60fd4fc6c85bfff3fdba9e2f067c135e5f");
        assertThat(decoder.decode(progressive)).extracting(RgbImage::width, RgbImage::height).containsExactly(299, 224);
        assertThat(decoder.decode(baseline)).extracting(RgbImage::width, RgbImage::height).containsExactly(300, 188);
    }

    static boolean seedFixturesPresent() {
        boolean present = Files.isDirectory(SEED);
        if (!present) {
            System.err.println("SKIPPED seed sample tests: " + SEED.toAbsolutePath().normalize() + " is absent");
        }
        return present;
    }

    private static void assertRejected(JpegDecoder decoder, byte[] data, ApiError expected) {
        assertThatThrownBy(() -> decoder.decode(data))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static void assertColour(RgbImage image, int x, int y, int r, int g, int b) {
        assertThat(image.channel(x, y, 0)).as("red at %d,%d", x, y).isCloseTo(r, within(8));
        assertThat(image.channel(x, y, 1)).as("green at %d,%d", x, y).isCloseTo(g, within(8));
        assertThat(image.channel(x, y, 2)).as("blue at %d,%d", x, y).isCloseTo(b, within(8));
    }
}

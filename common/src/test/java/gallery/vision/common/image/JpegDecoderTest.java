package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.Sha1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JpegDecoderTest {

    private static final Path SEED = Path.of("../../shared/fixtures/seed");

    private final JpegDecoder decoder = new JpegDecoder(50_000_000);

    @Test
    void decodesBaselineRgbToItsColours() {
        RgbImage image = decoder.decode(TestJpegs.baseline(64, 48));

        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
        assertColour(image, 16, 12, 220, 30, 30);
        assertColour(image, 48, 12, 30, 200, 40);
        assertColour(image, 16, 36, 30, 40, 210);
        assertColour(image, 48, 36, 240, 240, 240);
    }

    @Test
    void decodesProgressiveLikeBaseline() {
        RgbImage image = decoder.decode(TestJpegs.progressive(64, 48));

        assertColour(image, 16, 12, 220, 30, 30);
        assertColour(image, 48, 36, 240, 240, 240);
    }

    @Test
    void decodesGrayscaleToEqualRgbChannels() {
        RgbImage image = decoder.decode(TestJpegs.grayscale(256, 8));

        for (int x : new int[]{0, 64, 128, 255}) {
            int r = image.channel(x, 4, 0);
            assertThat(image.channel(x, 4, 1)).isEqualTo(r);
            assertThat(image.channel(x, 4, 2)).isEqualTo(r);
            assertThat(r).isCloseTo(x, within(6));
        }
    }

    @Test
    void decodesAdobeCmykToRgb() {
        assertCyanAndYellowHalves(decoder.decode(TestJpegs.cmyk(64, 32)));
    }

    @Test
    void decodesAdobeYcckToRgb() {
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

    @Test
    void refusesDeclaredSizeFromHeaderBeforeAllocatingPixels() {
        // 60000 x 60000 RGB would need 10.8 GB: only a check on the frame header can answer without running out.
        byte[] huge = TestJpegs.withDeclaredSize(TestJpegs.baseline(32, 32), 60000, 60000);

        assertThatThrownBy(() -> decoder.decode(huge))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_PIXELS))
                .hasMessageContaining("60000x60000");
    }

    @Test
    void rejectsTruncatedJpeg() {
        byte[] truncated = TestJpegs.truncated(TestJpegs.baseline(200, 150), 0.5);

        assertRejected(truncated, ApiError.UNDECODABLE_IMAGE);
    }

    @Test
    void rejectsEmptyAndForeignFiles() {
        assertRejected(new byte[0], ApiError.EMPTY_BODY);
        assertRejected(TestJpegs.png(16, 16), ApiError.NOT_A_JPEG);
        assertRejected(TestJpegs.gif(16, 16), ApiError.NOT_A_JPEG);
        assertRejected(TestJpegs.text(), ApiError.NOT_A_JPEG);
    }

    @Test
    void rejectsJpegSignatureWithoutImage() {
        assertRejected(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, ApiError.UNDECODABLE_IMAGE);
    }

    /**
     * Needs {@code ../shared}; vision-worker's {@code DemoPhotoDecodingTest} does the same on face-api's demo photos,
     * which every build fetches (they are not there yet when this module's tests run).
     */
    @Test
    @EnabledIf("seedFixturesPresent")
    void decodesSeedSamplesToTheirDocumentedSizes() throws IOException {
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

    private void assertRejected(byte[] data, ApiError expected) {
        assertThatThrownBy(() -> decoder.decode(data))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static void assertColour(RgbImage image, int x, int y, int r, int g, int b) {
        assertThat(image.channel(x, y, 0)).as("red at %d,%d", x, y).isCloseTo(r, within(8));
        assertThat(image.channel(x, y, 1)).as("green at %d,%d", x, y).isCloseTo(g, within(8));
        assertThat(image.channel(x, y, 2)).as("blue at %d,%d", x, y).isCloseTo(b, within(8));
    }
}

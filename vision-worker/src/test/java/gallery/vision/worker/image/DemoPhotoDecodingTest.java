package gallery.vision.worker.image;

import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.testing.FaceApiPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JPEG decoder on real photos every build has: face-api's demo photos (camera JPEGs from another encoder than
 * ours, fetched with the face-api npm package, extracted by model-build), and a progressive re-encoding of one. The
 * stand-in, in any clone, for common's seed-sample test, which needs {@code ../shared}.
 */
class DemoPhotoDecodingTest {

    private final JpegDecoder decoder = new JpegDecoder(50_000_000);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sample1.jpg, 1016e957752ceafa39b2c6c90844d78df2b1ad45, 1920, 1280",
        "sample2.jpg, 522c5f0cda6e3fa430ef74d235205f80461c541e, 1920, 1367",
        "sample3.jpg, 7be7b2f981aab4531b77588a7a47a1273ee4c0f4, 1920, 1350",
        "sample4.jpg, f6ef42c21a1809c9050a5bb8db9d939a7f730bdc, 1920, 1448",
        "sample5.jpg, e6ab6224a49bd953f40b8e7942644c8c19e9bec9, 1920, 1398",
        "sample6.jpg, 73ce601d4d14cbecc18dc31145afdce4cbd314f3, 1920, 1537"})
    void decodesDemoPhotoToItsSize(String name, String sha1, int width, int height) throws IOException {
        byte[] jpeg = Files.readAllBytes(demoPhoto(name));

        assertThat(Sha1.hex(jpeg)).as("the pinned package's photo").isEqualTo(sha1);
        RgbImage image = decoder.decode(jpeg);
        assertThat(image.width()).isEqualTo(width);
        assertThat(image.height()).isEqualTo(height);
    }

    @Test
    void decodesProgressiveReencodingLikeTheBaselinePhoto() throws IOException {
        byte[] baseline = Files.readAllBytes(demoPhoto("sample1.jpg"));
        byte[] progressive = progressive(ImageIO.read(new ByteArrayInputStream(baseline)));

        RgbImage expected = decoder.decode(baseline);
        RgbImage actual = decoder.decode(progressive);

        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        long diff = 0;
        for (int i = 0; i < expected.rgb().length; i++) {
            diff += Math.abs((expected.rgb()[i] & 0xFF) - (actual.rgb()[i] & 0xFF));
        }
        assertThat((double) diff / expected.rgb().length).as("mean abs difference per channel").isLessThan(3.0);
    }

    private static Path demoPhoto(String name) {
        return FaceApiPackage.demoPhoto(name).orElseThrow(() -> new IllegalStateException(
                "the build extracts face-api's demo photos to " + FaceApiPackage.PACKAGE_DIR_IN_REPO + "; run the reactor build"));
    }

    private static byte[] progressive(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] bytes = out.toByteArray();
        assertThat(isProgressive(bytes)).as("re-encoded as progressive (SOF2)").isTrue();
        return bytes;
    }

    /** True when the first frame header is SOF2. */
    private static boolean isProgressive(byte[] jpeg) {
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xC2) {
                return true;
            }
            if (marker == 0xC0 || marker == 0xC1) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }
}

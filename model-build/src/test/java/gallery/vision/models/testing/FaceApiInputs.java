package gallery.vision.models.testing;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.testing.FaceApiPackage;
import gallery.vision.models.faceapi.FaceApiInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Test inputs built the way face-api's {@code NetInput.toBatchTensor} builds them: pad to square with zeros
 * (at the end, or centred), then TensorFlow's bilinear resize (align_corners=false, half_pixel_centers=false).
 */
public final class FaceApiInputs {

    private FaceApiInputs() {
    }

    /** A demo photo of the face-api package, decoded with our ImageIO decoder (the pixels of the per-model fixtures); skips the test when the package is absent. */
    public static RgbImage demoPhoto(String name) throws IOException {
        Path photo = FaceApiPackage.demoPhoto(name).orElse(null);
        Assumptions.assumeTrue(photo != null, "skipped: face-api package not extracted at "
                + FaceApiPackage.PACKAGE_DIR_IN_REPO + " (run the models build first)");
        return new JpegDecoder(100_000_000L, JpegDecoding.IMAGEIO).decode(Files.readAllBytes(photo));
    }

    /** A crop of an image (clamped to it). */
    public static RgbImage crop(RgbImage img, int x, int y, int w, int h) {
        return FaceApiInput.crop(img, x, y, w, h);
    }

    /** NHWC float tensor {@code [size, size, 3]} of 0..255 values. */
    public static float[] batchTensor(RgbImage img, int size, boolean centred) {
        return FaceApiInput.batchTensor(img, size, centred);
    }

    static float[] resizeBilinear(float[] src, int in, int out) {
        return FaceApiInput.resizeBilinear(src, in, out);
    }
}

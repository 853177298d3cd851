package gallery.vision.worker.models;

import ai.djl.Model;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.testing.FaceApiPackage;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real converted models and real photos for analyzer tests: models as the worker finds them ({@code MODEL_DIR} or the
 * classpath, i.e. what the models build packaged), photos from face-api's demo folder in the models module's
 * extracted package. A test whose model or photo is absent skips, saying which. Not thread-safe.
 */
public final class TestModels {

    private static final OnnxRuntimeProperties ONNX = OnnxRuntimeProperties.withThreads(2);
    private static final ModelFiles FILES = ModelFiles.fromEnvironment();

    private TestModels() {
    }

    /** Loads the named model; the caller closes it. */
    public static Model load(String name) {
        return OnnxModels.load(file(name), ONNX);
    }

    /** The named model's ONNX file (the test skips when it is not built). */
    public static Path file(String name) {
        Optional<Path> path = FILES.path(name);
        assumeTrue(path.isPresent(), "skipped: model " + name + " is not built (models module)");
        return path.get();
    }

    /**
     * A face-api demo photo ({@code sample1.jpg} .. {@code sample6.jpg}), decoded with the ImageIO decoder: the
     * pixels the objects and embeddings parity fixtures were computed on.
     */
    public static RgbImage demoPhoto(String name) throws IOException {
        Optional<Path> photo = FaceApiPackage.demoPhoto(name);
        assumeTrue(photo.isPresent(), "skipped: face-api package not extracted at "
                + FaceApiPackage.PACKAGE_DIR_IN_REPO + " (run the models build first)");
        return new JpegDecoder(100_000_000L, JpegDecoding.IMAGEIO).decode(Files.readAllBytes(photo.get()));
    }

    /** The image mirrored left to right. */
    public static RgbImage flipped(RgbImage image) {
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        int w = image.width();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(in, (y * w + x) * 3, out, (y * w + (w - 1 - x)) * 3, 3);
            }
        }
        return new RgbImage(w, image.height(), out);
    }
}

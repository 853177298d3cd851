package gallery.vision.worker.faces.detect;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.faces.geometry.Detection;
import gallery.vision.worker.faces.image.BilinearResize;
import gallery.vision.worker.faces.image.PixelRegion;

import java.util.ArrayList;
import java.util.List;

/**
 * The SSD MobileNet v1 face detector (face-api's {@code locateFaces}): the image padded to a square (not centred),
 * resized to 512, run; anchors suppressed by face-api's NMS and their boxes rescaled to the image. Stateless and
 * thread-safe; the predictors using it are not.
 */
public final class FaceDetectorTranslator implements NoBatchifyTranslator<RgbImage, List<Detection>> {

    public static final int INPUT_SIZE = 512;
    private static final String IMAGE = "image";

    private final DetectionOptions options;

    public FaceDetectorTranslator(DetectionOptions options) {
        this.options = options;
    }

    /** The network input for an image: NHWC {@code [1, 512, 512, 3]}, values 0..255. */
    public static FloatBuffer inputTensor(RgbImage image) {
        FloatBuffer data = Tensors.directFloats(INPUT_SIZE * INPUT_SIZE * 3);
        BilinearResize.resize(PixelRegion.wholeImage(image), INPUT_SIZE, data, 0);
        return data;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RgbImage image) {
        ctx.setAttachment(IMAGE, image);
        return Tensors.input(ctx.getNDManager(), "input", inputTensor(image), 1, INPUT_SIZE, INPUT_SIZE, 3);
    }

    @Override
    public List<Detection> processOutput(TranslatorContext ctx, NDList outputs) {
        RgbImage image = (RgbImage) ctx.getAttachment(IMAGE);
        DetectorOutput output = new DetectorOutput(Tensors.output(outputs, "boxes"), Tensors.output(outputs, "scores"));
        List<Detection> detections = new ArrayList<>();
        for (int anchor : FaceNonMaxSuppression.select(output, options)) {
            detections.add(DetectionBoxes.detection(output, anchor, INPUT_SIZE, image.width(), image.height()));
        }
        return detections;
    }
}

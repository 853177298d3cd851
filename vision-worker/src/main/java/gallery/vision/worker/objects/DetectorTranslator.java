package gallery.vision.worker.objects;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.image.StretchResize;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link DetectorModel}'s network: the image stretched to the network's square input and scaled to its value
 * range (in the network's input layout), optionally mirrored left to right, and answers its named raw outputs (for a
 * mirrored input mapped back onto the image's frame by {@link DetectorModel#unmirror}), ready for
 * {@link DetectorModel#decode}. Stateless and thread-safe; the predictors using it are not.
 */
public final class DetectorTranslator implements NoBatchifyTranslator<RgbImage, Map<String, float[]>> {

    private final DetectorModel model;
    private final StretchResize resize;
    private final boolean mirrored;

    /** @param mirrored feed the network the image mirrored left to right (flip test-time augmentation) */
    public DetectorTranslator(DetectorModel model, boolean mirrored) {
        this.model = model;
        this.resize = new StretchResize(model.inputSize(), model.inputSize());
        this.mirrored = mirrored;
    }

    /** The network input for an image, in the network's layout and value range. */
    public float[] inputTensor(RgbImage image) {
        float[] hwc = model.scaling().apply(resize.apply(image));
        return model.toInputLayout(mirrored ? mirror(hwc, model.inputSize()) : hwc);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RgbImage image) {
        return Tensors.input(ctx.getNDManager(), model.inputName(), inputTensor(image), model.inputShape());
    }

    @Override
    public Map<String, float[]> processOutput(TranslatorContext ctx, NDList outputs) {
        Map<String, float[]> values = new HashMap<>();
        for (String name : model.outputNames()) {
            values.put(name, Tensors.output(outputs, name));
        }
        return mirrored ? model.unmirror(values) : values;
    }

    /** A square interleaved RGB image of side {@code side} mirrored left to right. */
    static float[] mirror(float[] hwc, int side) {
        float[] out = new float[hwc.length];
        for (int y = 0; y < side; y++) {
            int row = y * side * 3;
            for (int x = 0; x < side; x++) {
                System.arraycopy(hwc, row + x * 3, out, row + (side - 1 - x) * 3, 3);
            }
        }
        return out;
    }
}

package gallery.vision.worker.objects;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.image.StretchResize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link DetectorModel}: the image stretched to the network's square input and scaled to its value range
 * (in the network's input layout), then the outputs decoded into candidate boxes at or above {@code minScore}.
 * Stateless and thread-safe; the predictors using it are not.
 */
public final class DetectorTranslator implements NoBatchifyTranslator<RgbImage, List<ScoredBox>> {

    private final DetectorModel model;
    private final StretchResize resize;
    private final float minScore;

    public DetectorTranslator(DetectorModel model, float minScore) {
        this.model = model;
        this.resize = new StretchResize(model.inputSize(), model.inputSize());
        this.minScore = minScore;
    }

    /** The network input for an image, in the network's layout and value range. */
    public float[] inputTensor(RgbImage image) {
        return model.toInputLayout(model.scaling().apply(resize.apply(image)));
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RgbImage image) {
        return Tensors.input(ctx.getNDManager(), model.inputName(), inputTensor(image), model.inputShape());
    }

    @Override
    public List<ScoredBox> processOutput(TranslatorContext ctx, NDList outputs) {
        Map<String, float[]> values = new HashMap<>();
        for (String name : model.outputNames()) {
            values.put(name, Tensors.output(outputs, name));
        }
        return model.decode(values, minScore);
    }
}

package gallery.vision.worker.embeddings;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.image.StretchResize;

/**
 * Image in, embedding out, for one {@link EmbeddingModel}: stretch to the square input (tf {@code resizeBilinear}),
 * scale the values, run, average the feature map over positions. Stateless and thread-safe; predictors are not.
 */
public final class EmbeddingTranslator implements NoBatchifyTranslator<RgbImage, float[]> {

    private final EmbeddingModel model;
    private final StretchResize resize;

    public EmbeddingTranslator(EmbeddingModel model) {
        this.model = model;
        this.resize = new StretchResize(model.inputSize(), model.inputSize());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RgbImage image) {
        int size = model.inputSize();
        FloatBuffer pixels = resize.apply(image, model.scaling(), Tensors.directFloats(size * size * 3));
        return Tensors.input(ctx.getNDManager(), model.inputName(), pixels, 1, size, size, 3);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList outputs) {
        NDArray features = outputs.get(model.outputName());
        if (features == null) {
            throw new IllegalStateException("the model has no output named " + model.outputName());
        }
        long[] shape = features.getShape().getShape();
        return GlobalAveragePool.of(features.toFloatArray(), (int) shape[shape.length - 1]);
    }
}

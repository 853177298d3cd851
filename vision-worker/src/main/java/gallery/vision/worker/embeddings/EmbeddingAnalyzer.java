package gallery.vision.worker.embeddings;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code /embeddings}: the answer's {@code data} is the embedding vector (JSON array of numbers, as the seed's
 * MobileNet v1 answers): the network's pooled features of each of the analyzer's inputs (since {@code duo-hgshape7}
 * the decoded image and the same image turned gray, {@link EmbeddingsConfiguration#INPUTS}), concatenated in that
 * order, then the {@link EmbeddingTransform}.
 *
 * <p>Thread-safe: the model's ONNX Runtime session is shared; every call creates its own predictor, runs it once per
 * input and closes it. Owns the model: {@link #close()} releases its session.
 */
public final class EmbeddingAnalyzer implements Analyzer, AutoCloseable {

    private final Model model;
    private final EmbeddingTranslator translator;
    private final List<UnaryOperator<RgbImage>> inputs;
    private final EmbeddingTransform transform;

    /** The network fed the colour image as decoded (the network's own input; parity with the original). */
    public EmbeddingAnalyzer(Model model, EmbeddingModel embedding, EmbeddingTransform transform) {
        this(model, embedding, List.of(UnaryOperator.identity()), transform);
    }

    /**
     * @param inputs    each applied to the decoded image before the network's own pre-processing, one network run
     *                  each, their features concatenated in this order (the service's
     *                  {@link EmbeddingsConfiguration#INPUTS}: the image as decoded, then {@link GrayInput}); at least
     *                  one, each thread-safe
     * @param transform applied to the concatenated features ({@link EmbeddingTransform#NONE} keeps them)
     */
    public EmbeddingAnalyzer(Model model, EmbeddingModel embedding, List<UnaryOperator<RgbImage>> inputs,
                             EmbeddingTransform transform) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("at least one input");
        }
        this.model = model;
        this.translator = new EmbeddingTranslator(embedding);
        this.inputs = List.copyOf(inputs);
        this.transform = transform;
    }

    @Override
    public float[] analyze(RgbImage image) {
        try (Predictor<RgbImage, float[]> predictor = model.newPredictor(translator)) {
            float[][] parts = new float[inputs.size()][];
            int length = 0;
            for (int i = 0; i < parts.length; i++) {
                parts[i] = predictor.predict(inputs.get(i).apply(image));
                length += parts[i].length;
            }
            return transform.apply(parts.length == 1 ? parts[0] : concatenated(parts, length));
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding network failed: " + e.getMessage(), e);
        }
    }

    private static float[] concatenated(float[][] parts, int length) {
        float[] features = new float[length];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, features, offset, part.length);
            offset += part.length;
        }
        return features;
    }

    @Override
    public void close() {
        model.close();
    }
}

package gallery.vision.worker.embeddings;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;

import java.util.function.UnaryOperator;

/**
 * {@code /embeddings}: the answer's {@code data} is the embedding vector (JSON array of numbers, as the seed's
 * MobileNet v1 answers).
 *
 * <p>Thread-safe: the model's ONNX Runtime session is shared; every call creates its own predictor and closes it.
 * Owns the model: {@link #close()} releases its session.
 */
public final class EmbeddingAnalyzer implements Analyzer, AutoCloseable {

    private final Model model;
    private final EmbeddingTranslator translator;
    private final UnaryOperator<RgbImage> input;
    private final EmbeddingTransform transform;

    /** The network fed the colour image as decoded (the network's own input; parity with the original). */
    public EmbeddingAnalyzer(Model model, EmbeddingModel embedding, EmbeddingTransform transform) {
        this(model, embedding, UnaryOperator.identity(), transform);
    }

    /**
     * @param input     applied to the decoded image before the network's own pre-processing (the service's
     *                  {@link EmbeddingsConfiguration#INPUT}: {@link GrayInput}); must be thread-safe
     * @param transform applied to the network's pooled features ({@link EmbeddingTransform#NONE} keeps them)
     */
    public EmbeddingAnalyzer(Model model, EmbeddingModel embedding, UnaryOperator<RgbImage> input,
                             EmbeddingTransform transform) {
        this.model = model;
        this.translator = new EmbeddingTranslator(embedding);
        this.input = input;
        this.transform = transform;
    }

    @Override
    public float[] analyze(RgbImage image) {
        try (Predictor<RgbImage, float[]> predictor = model.newPredictor(translator)) {
            return transform.apply(predictor.predict(input.apply(image)));
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding network failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

package gallery.vision.worker.embeddings;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;

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
    private final EmbeddingTransform transform;

    /** @param transform applied to the network's pooled features ({@link EmbeddingTransform#NONE} keeps them) */
    public EmbeddingAnalyzer(Model model, EmbeddingModel embedding, EmbeddingTransform transform) {
        this.model = model;
        this.translator = new EmbeddingTranslator(embedding);
        this.transform = transform;
    }

    @Override
    public float[] analyze(RgbImage image) {
        try (Predictor<RgbImage, float[]> predictor = model.newPredictor(translator)) {
            return transform.apply(predictor.predict(image));
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding network failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

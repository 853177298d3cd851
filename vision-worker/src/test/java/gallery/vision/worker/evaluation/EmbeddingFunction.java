package gallery.vision.worker.evaluation;

import gallery.vision.common.image.RgbImage;

/**
 * A candidate network's embedding of one image, as the {@code /embeddings} answer's {@code data} would carry it.
 *
 * <p>Called from one thread at a time by the evaluation.
 */
@FunctionalInterface
public interface EmbeddingFunction {

    float[] embed(RgbImage image);
}

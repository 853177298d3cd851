package gallery.vision.worker.embeddings;

/**
 * A fixed post-processing step from the network's pooled features to the answered embedding. Implementations are
 * immutable and thread-safe.
 */
@FunctionalInterface
public interface EmbeddingTransform {

    /** Keeps the network's features as they are. */
    EmbeddingTransform NONE = features -> features;

    float[] apply(float[] features);
}

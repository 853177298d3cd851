package gallery.vision.worker.evaluation;

import java.util.List;

/**
 * Contributes candidates to the evaluation. Implementations are found with {@link java.util.ServiceLoader}: list the
 * class in {@code META-INF/services/gallery.vision.worker.evaluation.EvaluationCandidates} (test resources), so a new
 * network is evaluated by adding one provider, without touching the harness.
 */
public interface EvaluationCandidates {

    /** Embedding networks to compare; empty when this provider has none. */
    default List<Candidate<EmbeddingFunction>> embeddings() {
        return List.of();
    }

    /** Detectors to compare; empty when this provider has none. */
    default List<Candidate<ObjectDetector>> detectors() {
        return List.of();
    }

    /**
     * One named candidate.
     *
     * @param name     what the report calls it (the answer's {@code model})
     * @param version  the answer's {@code version}
     * @param function the network, ready to call
     */
    record Candidate<T>(String name, String version, T function) {
    }
}

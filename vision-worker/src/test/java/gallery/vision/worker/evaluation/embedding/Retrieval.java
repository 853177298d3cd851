package gallery.vision.worker.evaluation.embedding;

import java.util.List;

/**
 * Nearest-neighbour retrieval by cosine: for a query, the index of the most similar gallery vector. Ties go to the
 * lower index, so a query equally close to several originals counts as found only when its own comes first.
 */
public final class Retrieval {

    private Retrieval() {
    }

    public static int nearest(float[] query, List<float[]> gallery) {
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < gallery.size(); i++) {
            double similarity = Cosine.similarity(query, gallery.get(i));
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = i;
            }
        }
        return best;
    }

    /**
     * Recall@1: the share of queries whose nearest gallery vector is their own original.
     *
     * @param queries   query vectors
     * @param originals for each query, the index of its original in {@code gallery}
     */
    public static double recallAt1(List<float[]> queries, int[] originals, List<float[]> gallery) {
        if (queries.size() != originals.length) {
            throw new IllegalArgumentException("one original index per query");
        }
        if (queries.isEmpty()) {
            return Double.NaN;
        }
        int found = 0;
        for (int q = 0; q < queries.size(); q++) {
            if (nearest(queries.get(q), gallery) == originals[q]) {
                found++;
            }
        }
        return (double) found / queries.size();
    }
}

package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures embeddings the way a Home Gallery user meets them ({@link HomeGallerySimilarity}: its exact code and
 * similarity, threshold 0.5) on a set of photos and their near-duplicate edits: a near-duplicate passes when its
 * similarity to its own original reaches 0.5 and is higher than to any other original of the set; unrelated pairs
 * are all pairs of distinct originals; the margin of a photo is its weakest near-duplicate's similarity minus its
 * best unrelated match; raw recall@1 is nearest-original retrieval by cosine of the answered floats. Stateless.
 */
public final class ShapingEvaluation {

    /**
     * @param nearDuplicates queries (photos x edits)
     * @param passed         near-duplicates that rank first and reach 0.5
     * @param unrelatedShown share of unrelated pairs at or above 0.5
     * @param meanMargin     mean over photos of (weakest near-duplicate - best unrelated)
     * @param minMargin      the smallest margin
     * @param negativeMargins photos whose best unrelated match beats a near-duplicate
     * @param rawRecall      recall@1 by cosine of the answered floats
     * @param failures       "photo / edit -> best match" of the near-duplicates that did not pass
     * @param margins        each photo's margin, in the order of the photos (NaN where a code is all zero)
     */
    public record Result(int nearDuplicates, int passed, double unrelatedShown, double meanMargin, double minMargin,
                         int negativeMargins, double rawRecall, List<String> failures, double[] margins) {
    }

    private ShapingEvaluation() {
    }

    public static Result run(RawEmbeddings cache, List<String> photos, List<String> edits,
                             EmbeddingTransform transform) {
        int n = photos.size();
        List<float[]> originals = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String photo : photos) {
            float[] v = transform.apply(cache.get(photo, RawEmbeddings.ORIGINAL));
            originals.add(v);
            hashes.add(HomeGallerySimilarity.hash(v));
        }
        double[] bestUnrelated = new double[n];
        java.util.Arrays.fill(bestUnrelated, Double.NEGATIVE_INFINITY);
        int pairs = 0;
        int shown = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = HomeGallerySimilarity.similarity(hashes.get(i), hashes.get(j));
                pairs++;
                shown += HomeGallerySimilarity.shown(s) ? 1 : 0;
                bestUnrelated[i] = Math.max(bestUnrelated[i], s);
                bestUnrelated[j] = Math.max(bestUnrelated[j], s);
            }
        }
        double[] weakest = new double[n];
        java.util.Arrays.fill(weakest, Double.POSITIVE_INFINITY);
        int queries = 0;
        int passed = 0;
        int rawFound = 0;
        List<String> failures = new ArrayList<>();
        for (String edit : edits) {
            for (int i = 0; i < n; i++) {
                float[] query = transform.apply(cache.get(photos.get(i), edit));
                String hash = HomeGallerySimilarity.hash(query);
                double own = HomeGallerySimilarity.similarity(hash, hashes.get(i));
                int best = -1;
                double bestOther = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double s = j == i ? own : HomeGallerySimilarity.similarity(hash, hashes.get(j));
                    if (j != i && s > bestOther) {
                        bestOther = s;
                        best = j;
                    }
                }
                queries++;
                weakest[i] = Math.min(weakest[i], own);
                if (own >= HomeGallerySimilarity.THRESHOLD && own > bestOther) {
                    passed++;
                } else {
                    failures.add(String.format(java.util.Locale.ROOT, "%s / %s: own %.3f, best other %.3f (%s)",
                            photos.get(i), edit, own, bestOther, best < 0 ? "no comparable code" : photos.get(best)));
                }
                rawFound += Retrieval.nearest(query, originals) == i ? 1 : 0;
            }
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        int negative = 0;
        double[] margins = new double[n];
        for (int i = 0; i < n; i++) {
            double margin = weakest[i] - bestUnrelated[i];
            margins[i] = margin;
            sum += margin;
            min = Math.min(min, margin);
            negative += margin <= 0 ? 1 : 0;
        }
        return new Result(queries, passed, pairs == 0 ? Double.NaN : (double) shown / pairs, sum / n, min, negative,
                (double) rawFound / queries, failures, margins);
    }
}

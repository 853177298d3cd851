package gallery.vision.worker.evaluation.embedding;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.EmbeddingFunction;
import gallery.vision.worker.evaluation.transform.ImageTransform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Evaluates one embedding network on a photo set: every original and each transformed copy is embedded, each copy
 * is a query against all originals (raw cosine and cosine of Home Gallery's 2-bit codes), the raw values go into a
 * histogram, and the originals are ranked against each other by kind. Not thread-safe; one run at a time.
 */
public final class EmbeddingEvaluation {

    /** A query whose nearest original was another photo. */
    public record Miss(String photo, String transform, String matched, boolean codes) {
    }

    /** Recall@1 for one transform. */
    public record TransformRecall(String transform, double raw, double codes) {
    }

    /**
     * Everything the report shows for one candidate.
     *
     * @param dimensions   embedding length
     * @param recalls      per transform
     * @param overallRaw   recall@1 over all queries, raw cosine
     * @param overallCodes recall@1 over all queries, 2-bit codes
     * @param misses       the queries that failed, those on raw cosine first
     * @param histogram    raw values of the originals
     * @param kinds        same-kind ranking of the originals (raw cosine)
     * @param kindsOnCodes the same ranking on Home Gallery's 2-bit codes (what its similar-photo search sees)
     * @param meanMillis   mean time of one embedding call
     */
    public record Result(int dimensions, List<TransformRecall> recalls, double overallRaw, double overallCodes,
                         List<Miss> misses, ValueHistogram histogram, List<SameKindRanking.KindResult> kinds,
                         List<SameKindRanking.KindResult> kindsOnCodes, double meanMillis) {
    }

    private final List<ImageTransform> transforms;

    public EmbeddingEvaluation(List<ImageTransform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /**
     * @param ids    photo ids, for the miss list
     * @param tags   each photo's tags (kinds)
     * @param images loads photo {@code i} (called once per photo)
     */
    public Result run(EmbeddingFunction function, List<String> ids, List<List<String>> tags,
                      IntFunction<RgbImage> images) {
        int n = ids.size();
        List<float[]> originals = new ArrayList<>(n);
        List<List<float[]>> queries = new ArrayList<>();
        transforms.forEach(t -> queries.add(new ArrayList<>(n)));
        ValueHistogram histogram = new ValueHistogram(23);
        long nanos = 0;
        long calls = 0;
        for (int i = 0; i < n; i++) {
            RgbImage image = images.apply(i);
            long start = System.nanoTime();
            float[] embedding = function.embed(image);
            nanos += System.nanoTime() - start;
            calls++;
            originals.add(embedding);
            histogram.add(embedding);
            for (int t = 0; t < transforms.size(); t++) {
                RgbImage copy = transforms.get(t).apply(image);
                start = System.nanoTime();
                queries.get(t).add(function.embed(copy));
                nanos += System.nanoTime() - start;
                calls++;
            }
        }
        List<float[]> originalCodes = originals.stream().map(HomeGalleryCode::encode).toList();
        int[] self = new int[n];
        for (int i = 0; i < n; i++) {
            self[i] = i;
        }
        List<TransformRecall> recalls = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        List<Miss> codeMisses = new ArrayList<>();
        int rawFound = 0;
        int codeFound = 0;
        for (int t = 0; t < transforms.size(); t++) {
            String name = transforms.get(t).name();
            List<float[]> raw = queries.get(t);
            List<float[]> codes = raw.stream().map(HomeGalleryCode::encode).toList();
            for (int i = 0; i < n; i++) {
                int nearestRaw = Retrieval.nearest(raw.get(i), originals);
                int nearestCode = Retrieval.nearest(codes.get(i), originalCodes);
                rawFound += nearestRaw == i ? 1 : 0;
                codeFound += nearestCode == i ? 1 : 0;
                if (nearestRaw != i) {
                    misses.add(new Miss(ids.get(i), name, ids.get(nearestRaw), false));
                }
                if (nearestCode != i) {
                    codeMisses.add(new Miss(ids.get(i), name, nearestCode < 0 ? "-" : ids.get(nearestCode), true));
                }
            }
            recalls.add(new TransformRecall(name, Retrieval.recallAt1(raw, self, originals),
                    Retrieval.recallAt1(codes, self, originalCodes)));
        }
        misses.addAll(codeMisses); // cosine misses first: they matter most
        double total = (double) n * transforms.size();
        return new Result(originals.isEmpty() ? 0 : originals.get(0).length, recalls, rawFound / total,
                codeFound / total, misses, histogram, SameKindRanking.evaluate(originals, tags),
                SameKindRanking.evaluate(originalCodes, tags),
                calls == 0 ? Double.NaN : nanos / 1e6 / calls);
    }
}

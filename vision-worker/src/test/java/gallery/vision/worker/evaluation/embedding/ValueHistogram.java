package gallery.vision.worker.evaluation.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * How raw embedding values spread over Home Gallery's encoder range: counts below 0, in equal bins over
 * [0, {@link HomeGalleryCode#RANGE}), and at or above the range (clamped to the top code); plus how often each
 * 2-bit code (0..3) occurs among the kept values.
 */
public final class ValueHistogram {

    /** One bin: values in [from, to); {@code from = -inf} / {@code to = +inf} for the open ends. */
    public record Bin(double from, double to, long count) {
    }

    private final double[] edges;
    private final long[] counts;
    private final long[] codeCounts = new long[4];
    private long total;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** {@code innerBins} equal bins between 0 and the encoder's range, plus the two open ends. */
    public ValueHistogram(int innerBins) {
        if (innerBins < 1) {
            throw new IllegalArgumentException("need at least one bin");
        }
        edges = new double[innerBins + 1];
        for (int i = 0; i <= innerBins; i++) {
            edges[i] = HomeGalleryCode.RANGE * i / innerBins;
        }
        counts = new long[innerBins + 2];
    }

    public void add(float[] embedding) {
        for (float value : embedding) {
            counts[binOf(value)]++;
            total++;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        for (float code : HomeGalleryCode.encode(embedding)) {
            codeCounts[(int) code]++;
        }
    }

    private int binOf(double value) {
        if (value < 0) {
            return 0;
        }
        for (int i = 1; i < edges.length; i++) {
            if (value < edges[i]) {
                return i;
            }
        }
        return counts.length - 1;
    }

    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        bins.add(new Bin(Double.NEGATIVE_INFINITY, 0, counts[0]));
        for (int i = 1; i < edges.length; i++) {
            bins.add(new Bin(edges[i - 1], edges[i], counts[i]));
        }
        bins.add(new Bin(HomeGalleryCode.RANGE, Double.POSITIVE_INFINITY, counts[counts.length - 1]));
        return bins;
    }

    /** Occurrences of codes 0, 1, 2, 3 among the kept (every third) values. */
    public long[] codeCounts() {
        return codeCounts.clone();
    }

    public long total() {
        return total;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }
}

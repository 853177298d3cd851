package gallery.vision.worker.embeddings;

/**
 * Averages an NHWC feature map (batch 1) over its spatial positions: {@code positions x channels} values in, one value
 * per channel out. A map that is already pooled (one position) comes out unchanged. Stateless and thread-safe.
 */
public final class GlobalAveragePool {

    private GlobalAveragePool() {
    }

    public static float[] of(float[] nhwc, int channels) {
        if (channels < 1 || nhwc.length % channels != 0) {
            throw new IllegalArgumentException(nhwc.length + " values are not a whole number of " + channels
                    + "-channel positions");
        }
        int positions = nhwc.length / channels;
        double[] sums = new double[channels];
        for (int p = 0; p < positions; p++) {
            int base = p * channels;
            for (int c = 0; c < channels; c++) {
                sums[c] += nhwc[base + c];
            }
        }
        float[] pooled = new float[channels];
        for (int c = 0; c < channels; c++) {
            pooled[c] = (float) (sums[c] / positions);
        }
        return pooled;
    }
}

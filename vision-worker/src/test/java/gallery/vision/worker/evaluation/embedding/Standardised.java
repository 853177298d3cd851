package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;

import java.util.List;

/**
 * The first fit's shaping (issue 10, {@code hgshape1}), kept in the harness for comparison: each feature centred on
 * its mean over the training originals, divided by {@code sqrt(max(sd, }{@value #SD_FLOOR}{@code ))}, times one
 * scale; positive parts then negative parts. Immutable, thread-safe.
 */
record Standardised(float[] mean, float[] divisor, float scale) implements EmbeddingTransform {

    static final double SD_FLOOR = 0.02;

    @Override
    public float[] apply(float[] features) {
        float[] out = new float[2 * features.length];
        for (int i = 0; i < features.length; i++) {
            float z = (features[i] - mean[i]) / divisor[i] * scale;
            out[i] = Math.max(z, 0);
            out[features.length + i] = Math.max(-z, 0);
        }
        return out;
    }

    /** Per feature over the originals of {@code photos}: the mean, and sqrt(max(standard deviation, floor)). */
    static float[][] meanAndDivisor(RawEmbeddings cache, List<String> photos) {
        int dims = cache.get(photos.get(0), RawEmbeddings.ORIGINAL).length;
        double[] sum = new double[dims];
        double[] squares = new double[dims];
        for (String photo : photos) {
            float[] v = cache.get(photo, RawEmbeddings.ORIGINAL);
            for (int i = 0; i < dims; i++) {
                sum[i] += v[i];
                squares[i] += (double) v[i] * v[i];
            }
        }
        float[] mean = new float[dims];
        float[] divisor = new float[dims];
        for (int i = 0; i < dims; i++) {
            double m = sum[i] / photos.size();
            double sd = Math.sqrt(Math.max(0, squares[i] / photos.size() - m * m));
            mean[i] = (float) m;
            divisor[i] = (float) Math.sqrt(Math.max(sd, SD_FLOOR));
        }
        return new float[][] {mean, divisor};
    }
}

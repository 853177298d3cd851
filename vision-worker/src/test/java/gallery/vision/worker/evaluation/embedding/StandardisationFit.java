package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.HomeGalleryStandardisation;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;

import java.util.List;

/**
 * Fits the per-feature standardisation ({@link HomeGalleryStandardisation}; the first fit's method, {@code hgshape1},
 * shipped on duo features since {@code duo-hgshape7}): each feature centred on its mean over the training originals,
 * divided by {@code sqrt(max(sd, }{@value #SD_FLOOR}{@code ))}, times one scale. Stateless.
 */
final class StandardisationFit {

    static final double SD_FLOOR = 0.02;

    private StandardisationFit() {
    }

    /** The standardisation of {@code stats} ({@link #meanAndDivisor}) times {@code scale}. */
    static HomeGalleryStandardisation of(float[][] stats, double scale) {
        float[] divisor = new float[stats[1].length];
        for (int i = 0; i < divisor.length; i++) {
            divisor[i] = (float) (stats[1][i] / scale);
        }
        return new HomeGalleryStandardisation(stats[0], divisor);
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

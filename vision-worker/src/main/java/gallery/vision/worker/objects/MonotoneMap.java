package gallery.vision.worker.objects;

import java.util.List;

/**
 * One class's map of {@link ScoreCalibration}: piecewise linear through knots that rise in x (strictly) and in y (not
 * falling), both within 0..1; constant beyond the first and the last knot. Immutable, thread-safe.
 */
final class MonotoneMap {

    private final double[] x;
    private final double[] y;

    private MonotoneMap(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * @param knots  (x, y) pairs in table order
     * @param source where they come from, for the error
     * @throws IllegalArgumentException when the knots do not rise or leave 0..1
     */
    static MonotoneMap of(List<double[]> knots, String source) {
        double[] x = new double[knots.size()];
        double[] y = new double[knots.size()];
        for (int i = 0; i < knots.size(); i++) {
            x[i] = knots.get(i)[0];
            y[i] = knots.get(i)[1];
            if (x[i] < 0 || x[i] > 1 || y[i] < 0 || y[i] > 1) {
                throw new IllegalArgumentException(source + ": values must lie in 0..1: " + x[i] + ", " + y[i]);
            }
            if (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])) {
                throw new IllegalArgumentException(source + " must rise with the raw score (raw strictly, "
                        + "calibrated not falling)");
            }
        }
        return new MonotoneMap(x, y);
    }

    double apply(double value) {
        if (value <= x[0]) {
            return y[0];
        }
        for (int i = 1; i < x.length; i++) {
            if (value <= x[i]) {
                double t = (value - x[i - 1]) / (x[i] - x[i - 1]);
                return y[i - 1] + t * (y[i] - y[i - 1]);
            }
        }
        return y[x.length - 1];
    }
}

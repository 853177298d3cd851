package gallery.vision.worker.evaluation.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of x that fits 0/1 outcomes
 * best in least squares. Each step (a pool of neighbouring points) becomes one knot at the pool's mean x with the
 * pool's share of positive outcomes; joining the knots linearly gives a monotone, piecewise linear map. Stateless.
 */
public final class IsotonicRegression {

    /** A point of the fitted map. */
    public record Knot(double x, double y) {
    }

    private IsotonicRegression() {
    }

    /** @param points (x, outcome 0 or 1) pairs, in any order */
    public static List<Knot> fit(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        // Each pool: sum of x, sum of y, count.
        List<double[]> pools = new ArrayList<>();
        for (double[] p : sorted) {
            pools.add(new double[] {p[0], p[1], 1});
            while (pools.size() > 1 && mean(pools.get(pools.size() - 2)) >= mean(pools.get(pools.size() - 1))) {
                double[] last = pools.remove(pools.size() - 1);
                double[] previous = pools.get(pools.size() - 1);
                previous[0] += last[0];
                previous[1] += last[1];
                previous[2] += last[2];
            }
        }
        List<Knot> knots = new ArrayList<>();
        for (double[] pool : pools) {
            double x = pool[0] / pool[2];
            if (!knots.isEmpty() && x <= knots.get(knots.size() - 1).x()) {
                // Pools of equal x (ties) are merged by the loop above; this keeps x strictly rising anyway.
                x = Math.nextUp(knots.get(knots.size() - 1).x());
            }
            knots.add(new Knot(x, mean(pool)));
        }
        return knots;
    }

    /** The piecewise linear map through {@code knots}, constant beyond the first and last. */
    public static double at(List<Knot> knots, double x) {
        if (x <= knots.get(0).x()) {
            return knots.get(0).y();
        }
        for (int i = 1; i < knots.size(); i++) {
            Knot a = knots.get(i - 1);
            Knot b = knots.get(i);
            if (x <= b.x()) {
                return a.y() + (x - a.x()) / (b.x() - a.x()) * (b.y() - a.y());
            }
        }
        return knots.get(knots.size() - 1).y();
    }

    private static double mean(double[] pool) {
        return pool[1] / pool[2];
    }
}

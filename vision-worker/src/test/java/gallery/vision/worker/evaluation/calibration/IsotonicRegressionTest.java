package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.calibration.IsotonicRegression.Knot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IsotonicRegressionTest {

    @Test
    void poolsViolatorsIntoTheirMean() {
        // outcomes by x: 0, 1, 0, 1, 1 -> pools {0}, {1, 0} (mean 0.5), {1}, {1} -> {0}, {0.5}, {1, 1}
        List<Knot> knots = IsotonicRegression.fit(List.of(new double[] {0.1, 0}, new double[] {0.2, 1},
                new double[] {0.3, 0}, new double[] {0.4, 1}, new double[] {0.5, 1}));

        assertThat(knots).hasSize(3);
        assertThat(knots.get(0)).isEqualTo(new Knot(0.1, 0));
        assertThat(knots.get(1).x()).isCloseTo(0.25, within(1e-12));
        assertThat(knots.get(1).y()).isCloseTo(0.5, within(1e-12));
        assertThat(knots.get(2).x()).isCloseTo(0.45, within(1e-12));
        assertThat(knots.get(2).y()).isEqualTo(1);
    }

    @Test
    void fitIsNonDecreasingForAnyOutcomes() {
        java.util.Random random = new java.util.Random(7);
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double x = random.nextDouble();
            points.add(new double[] {x, random.nextDouble() < x * x ? 1 : 0});
        }
        List<Knot> knots = IsotonicRegression.fit(points);

        for (int i = 1; i < knots.size(); i++) {
            assertThat(knots.get(i).x()).isGreaterThan(knots.get(i - 1).x());
            assertThat(knots.get(i).y()).isGreaterThanOrEqualTo(knots.get(i - 1).y());
        }
    }

    @Test
    void interpolatesBetweenKnots() {
        List<Knot> knots = List.of(new Knot(0.2, 0.1), new Knot(0.4, 0.5));

        assertThat(IsotonicRegression.at(knots, 0.1)).isEqualTo(0.1);
        assertThat(IsotonicRegression.at(knots, 0.3)).isCloseTo(0.3, within(1e-12));
        assertThat(IsotonicRegression.at(knots, 0.9)).isEqualTo(0.5);
    }
}

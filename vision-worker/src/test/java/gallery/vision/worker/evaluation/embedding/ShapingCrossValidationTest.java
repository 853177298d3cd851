package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.evaluation.embedding.HomeGalleryShaping.Layout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;

class ShapingCrossValidationTest {

    private static ShapingCrossValidation.Row row(int k, int passed, double... margins) {
        return withUnrelated(k, passed, 5, margins);
    }

    private static ShapingCrossValidation.Row withUnrelated(int k, int passed, int unrelatedShown,
                                                            double... margins) {
        return new ShapingCrossValidation.Row("gray", new ShapingCrossValidation.Setting("projection", 0.5, k, 0.5,
                Layout.THRICE, true, 0), 100, passed, 100, unrelatedShown, DoubleStream.of(margins).sum(),
                margins.length, 100, margins);
    }

    private static double[] margins(double low, double rest) {
        double[] m = new double[40];
        java.util.Arrays.fill(m, rest);
        m[7] = low;
        m[30] = low;
        return m;
    }

    @Test
    void tailMarginIsTheMeanOfTheLowestFivePercentOfThePhotos() {
        assertThat(row(64, 100, margins(-0.1, 0.3)).tailMargin()).isCloseTo(-0.1, org.assertj.core.data.Offset
                .offset(1e-12));
        assertThat(row(64, 100, 0.2, 0.1, Double.NaN).tailMargin()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(row(64, 100, 0.2, -0.05, 0.4).minMargin()).isEqualTo(-0.05);
    }

    @Test
    void tiesOnPassedNearDuplicatesGoToTheLargerWorstCaseMarginNotTheLargerMean() {
        ShapingCrossValidation.Row higherMean = row(64, 100, margins(-0.1, 0.4));
        ShapingCrossValidation.Row saferTail = row(48, 100, margins(0.05, 0.25));
        ShapingCrossValidation.Row morePassed = row(32, 101, margins(-0.2, 0.1));

        assertThat(higherMean.meanMargin()).isGreaterThan(saferTail.meanMargin());
        assertThat(List.of(higherMean, saferTail, morePassed).stream().sorted(ShapingCrossValidation.order())
                .toList()).containsExactly(morePassed, saferTail, higherMean);
    }

    @Test
    void rowsWithMoreThanFivePercentOfUnrelatedPairsAtHalfRankBelowEveryAdmissibleOne() {
        ShapingCrossValidation.Row admissible = withUnrelated(16, 90, 5, margins(-0.2, 0.1));
        ShapingCrossValidation.Row tooManyUnrelated = withUnrelated(64, 100, 6, margins(0.1, 0.4));

        assertThat(List.of(tooManyUnrelated, admissible).stream().sorted(ShapingCrossValidation.order()).toList())
                .containsExactly(admissible, tooManyUnrelated);
        assertThat(List.of(admissible, tooManyUnrelated).stream()
                .sorted(ShapingCrossValidation.order(ShapingCrossValidation.TARGET_UNRELATED)).toList())
                .containsExactly(tooManyUnrelated, admissible);
    }
}

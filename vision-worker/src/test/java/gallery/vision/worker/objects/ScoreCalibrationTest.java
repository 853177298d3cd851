package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoreCalibrationTest {

    private static final ScoreCalibration TABLE = ScoreCalibration.parse("test", List.of(
            "# comment",
            "*\t0.2\t0.1",
            "*\t0.4\t0.5",
            "*\t0.6\t0.9",
            "person\t0.3\t0.2",
            "person\t0.5\t0.8"));

    @Test
    void interpolatesLinearlyBetweenKnotsAndIsConstantBeyondThem() {
        assertThat(TABLE.calibrate("dog", 0.1)).isCloseTo(0.1, within(1e-9));
        assertThat(TABLE.calibrate("dog", 0.2)).isCloseTo(0.1, within(1e-9));
        assertThat(TABLE.calibrate("dog", 0.3)).isCloseTo(0.3, within(1e-9));
        assertThat(TABLE.calibrate("dog", 0.5)).isCloseTo(0.7, within(1e-9));
        assertThat(TABLE.calibrate("dog", 0.95)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void usesTheClassTableWhenThereIsOneAndTheGlobalOneOtherwise() {
        assertThat(TABLE.calibrate("person", 0.4)).isCloseTo(0.5, within(1e-9));
        assertThat(TABLE.calibrate("person", 0.45)).isCloseTo(0.65, within(1e-9));
        assertThat(TABLE.calibrate("cat", 0.45)).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void answersCalibratedScoresSortedAndKeepsTheRawOnes() {
        List<DetectedObject> out = TABLE.apply(List.of(
                new DetectedObject(new double[] {0, 0, 1, 1}, "dog", 0.5),
                new DetectedObject(new double[] {0, 0, 2, 2}, "person", 0.45)));

        assertThat(out).extracting(DetectedObject::className).containsExactly("dog", "person");
        assertThat(out.get(0).score()).isCloseTo(0.7, within(1e-9));
        assertThat(out.get(0).rawScore()).isEqualTo(0.5);
        assertThat(out.get(1).score()).isCloseTo(0.65, within(1e-9));
        assertThat(out.get(1).rawScore()).isEqualTo(0.45);
    }

    @Test
    void rejectsATableThatFallsOrLeavesZeroToOne() {
        assertThatThrownBy(() -> ScoreCalibration.parse("t", List.of("*\t0.2\t0.5", "*\t0.4\t0.4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rise");
        assertThatThrownBy(() -> ScoreCalibration.parse("t", List.of("*\t0.2\t1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
        assertThatThrownBy(() -> ScoreCalibration.parse("t", List.of("*\t0.2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsRawScoresWithoutATable() {
        assertThat(ScoreCalibration.NONE.calibrate("person", 0.42)).isEqualTo(0.42);
        assertThat(ScoreCalibration.forDetector("no-such-detector")).isSameAs(ScoreCalibration.NONE);
    }

    /** The shipped table of the service's detector: monotone in 0..1 for every class (checked on a fine grid). */
    @Test
    void shippedTableOfTheDetectorIsMonotoneWithinZeroToOne() {
        ScoreCalibration shipped = ScoreCalibration.forDetector(ObjectsConfiguration.DETECTOR.name());
        assertThat(shipped).isNotSameAs(ScoreCalibration.NONE);
        for (String className : CocoClasses.all()) {
            double previous = 0;
            for (int i = 10; i <= 100; i++) {
                double calibrated = shipped.calibrate(className, i / 100.0);
                assertThat(calibrated).isBetween(previous, 1.0);
                previous = calibrated;
            }
        }
    }
}

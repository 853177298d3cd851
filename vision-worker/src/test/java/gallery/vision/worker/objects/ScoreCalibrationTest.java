package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
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
    void subtractsTheWeightedRivalScoreBeforeTheMap() {
        List<String> lines = new ArrayList<>(List.of("@rival-weight\t0.5"));
        lines.addAll(List.of("*\t0.2\t0.1", "*\t0.4\t0.5", "*\t0.6\t0.9"));
        ScoreCalibration withRival = ScoreCalibration.parse("rival", lines);

        assertThat(withRival.rivalWeight()).isEqualTo(0.5);
        assertThat(withRival.calibrate("sheep", 0.5)).isCloseTo(0.7, within(1e-9));
        assertThat(withRival.calibrate("sheep", 0.5, 0.2)).isCloseTo(0.5, within(1e-9));   // adjusted 0.4
        assertThat(withRival.calibrate("sheep", 0.3, 0.9)).isCloseTo(0.1, within(1e-9));   // adjusted 0, clamped
        assertThat(TABLE.calibrate("sheep", 0.5, 0.2)).isEqualTo(TABLE.calibrate("sheep", 0.5));
        assertThat(ScoreCalibration.rivalOnly(0.25).calibrate("sheep", 0.5, 0.4)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void appliesTheRivalScoreOfEachDetection() {
        ScoreCalibration withRival = ScoreCalibration.parse("rival", List.of("@rival-weight\t1", "*\t0\t0",
                "*\t1\t1"));

        List<DetectedObject> out = withRival.apply(List.of(
                new DetectedObject(new double[] {0, 0, 1, 1}, "sheep", 0.5, 0.5, 0.3),
                new DetectedObject(new double[] {0, 0, 2, 2}, "dog", 0.4)));

        assertThat(out).extracting(DetectedObject::className).containsExactly("dog", "sheep");
        assertThat(out.get(1).score()).isCloseTo(0.2, within(1e-9));
        assertThat(out.get(1).rawScore()).isEqualTo(0.5);
        assertThat(out.get(1).rivalScore()).isEqualTo(0.3);
    }

    @Test
    void rejectsARivalWeightOutsideZeroToOneOrGivenTwice() {
        assertThatThrownBy(() -> ScoreCalibration.parse("t", List.of("@rival-weight\t1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
        assertThatThrownBy(() -> ScoreCalibration.parse("t", List.of("@rival-weight\t0.5", "@rival-weight\t0.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> ScoreCalibration.rivalOnly(-0.1)).isInstanceOf(IllegalArgumentException.class);
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

    /**
     * The shipped tables of the service's detector (with and without flip): in 0..1, rising with the raw score and
     * not rising with the rival's, for every class (checked on a fine grid).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shippedTablesOfTheDetectorRiseWithTheRawScoreAndFallWithTheRivalsWithinZeroToOne(boolean flip) {
        ScoreCalibration shipped = ScoreCalibration.forDetector(ObjectsConfiguration.DETECTOR.name(), flip);
        assertThat(shipped).isNotSameAs(ScoreCalibration.NONE);
        for (String className : CocoClasses.all()) {
            double previous = 0;
            for (int i = 10; i <= 100; i++) {
                double calibrated = shipped.calibrate(className, i / 100.0);
                assertThat(calibrated).isBetween(previous, 1.0);
                previous = calibrated;
                double previousWithRival = calibrated;
                for (int r = 10; r <= i; r += 10) {
                    double withRival = shipped.calibrate(className, i / 100.0, r / 100.0);
                    assertThat(withRival).isBetween(0.0, previousWithRival);
                    previousWithRival = withRival;
                }
            }
        }
    }
}

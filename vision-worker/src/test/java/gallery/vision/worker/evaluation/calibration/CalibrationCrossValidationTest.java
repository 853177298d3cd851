package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.calibration.CalibrationCrossValidation.Row;
import gallery.vision.worker.evaluation.calibration.CalibrationFit.Setting;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation.Counts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationCrossValidationTest {

    private static Row row(double rivalWeight, int found, int falseDetections, double brier) {
        return new Row(new Setting(5, 10, rivalWeight), new Counts(100, found, falseDetections, Map.of()), 100, brier);
    }

    @Test
    void choosesTheMostObjectsKeptWithinTheFalseDetectionBound() {
        Row admissible = row(0.5, 50, 10, 0.09);
        List<Row> rows = List.of(row(0, 60, 11, 0.08), admissible, row(1, 50, 9, 0.10), row(0.25, 40, 2, 0.07));

        assertThat(CalibrationCrossValidation.choose(rows)).isSameAs(admissible);
    }

    @Test
    void withoutAnAdmissibleSettingTakesTheFewestFalseThenTheMostObjectsKept() {
        Row best = row(0.5, 50, 12, 0.09);
        List<Row> rows = List.of(row(0, 45, 12, 0.08), best, row(1, 70, 13, 0.07));

        assertThat(CalibrationCrossValidation.choose(rows)).isSameAs(best);
    }

    @Test
    void comparesEveryRivalWeightWithTheRawScoreSettingsFirst() {
        List<Setting> grid = CalibrationCrossValidation.grid();

        assertThat(grid).hasSize(21 * CalibrationCrossValidation.RIVAL_WEIGHTS.length);
        assertThat(grid.subList(0, 21)).allSatisfy(s -> assertThat(s.rivalWeight()).isZero());
        assertThat(grid).extracting(Setting::rivalWeight).contains(0.25, 0.5, 0.75, 1.0);
    }
}

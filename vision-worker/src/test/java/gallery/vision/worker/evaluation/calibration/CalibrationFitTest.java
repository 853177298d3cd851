package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.calibration.IsotonicRegression.Knot;
import gallery.vision.worker.objects.ScoreCalibration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationFitTest {

    @Test
    void blendsAClassMapWithTheGlobalOneByItsWeight() {
        List<Knot> own = List.of(new Knot(0.2, 0), new Knot(0.4, 1));
        List<Knot> global = List.of(new Knot(0.3, 0.5));

        List<Knot> blended = CalibrationFit.blend(own, global, 0.25);

        assertThat(blended).extracting(Knot::x).containsExactly(0.2, 0.3, 0.4);
        assertThat(blended.get(0).y()).isCloseTo(0.375, within(1e-4)); // 0.25 * 0 + 0.75 * 0.5
        assertThat(blended.get(1).y()).isCloseTo(0.5, within(1e-4));   // 0.25 * 0.5 + 0.75 * 0.5
        assertThat(blended.get(2).y()).isCloseTo(0.625, within(1e-4)); // 0.25 * 1 + 0.75 * 0.5
    }

    @Test
    void fitsPerClassOnlyWithEnoughDetectionsAndWritesATheServiceReads() {
        List<double[]> person = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            person.add(new double[] {0.1 + i * 0.04, i >= 10 ? 1 : 0});
        }
        List<double[]> kite = List.of(new double[] {0.5, 1}, new double[] {0.2, 0});

        Map<String, List<Knot>> tables = CalibrationFit.fit(Map.of("person", person, "kite", kite),
                CalibrationFit.Setting.CAL1);
        ScoreCalibration calibration = ScoreCalibration.parse("fit", CalibrationFit.lines(tables));

        assertThat(tables).containsOnlyKeys("*", "person");
        assertThat(calibration.calibrate("person", 0.1)).isLessThan(calibration.calibrate("person", 0.9));
        assertThat(calibration.calibrate("kite", 0.3)).isEqualTo(calibration.calibrate("dog", 0.3));
    }

    @Test
    void writesTheRivalWeightTheServiceReadsBack() {
        List<double[]> person = List.of(new double[] {0.2, 0}, new double[] {0.6, 1});

        ScoreCalibration calibration = ScoreCalibration.parse("fit", CalibrationFit.lines(
                CalibrationFit.fit(Map.of("person", person), new CalibrationFit.Setting(5, 10, 0.5)), 0.5));

        assertThat(calibration.rivalWeight()).isEqualTo(0.5);
        assertThat(ScoreCalibration.parse("fit", CalibrationFit.lines(CalibrationFit.fit(Map.of("person", person),
                CalibrationFit.Setting.CAL1))).rivalWeight()).isZero();
    }

    @Test
    void globalOnlySettingFitsNoClassMap() {
        List<double[]> person = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            person.add(new double[] {0.1 + i * 0.04, i >= 10 ? 1 : 0});
        }

        assertThat(CalibrationFit.fit(Map.of("person", person),
                new CalibrationFit.Setting(Integer.MAX_VALUE, 0))).containsOnlyKeys("*");
    }
}

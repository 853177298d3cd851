package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.calibration.CalibrationFit.Setting;
import gallery.vision.worker.evaluation.detection.Detection;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation.Counts;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation.PhotoDetections;
import gallery.vision.worker.evaluation.detection.DetectionMatcher;
import gallery.vision.worker.objects.ScoreCalibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Chooses the calibration's {@link Setting} by k-fold cross-validation inside the training photos: for each setting
 * (rival weight, own-map size, prior weight) and fold, the table is fitted on the other folds and applied to the
 * fold's photos; the out-of-fold scores of all training photos are then counted at Home Gallery's cut. The chosen
 * setting keeps the most labelled objects at {@code score > 0.6} with at most {@value #MAX_FALSE_PER_10} false
 * detections per 10 photos (the bound); ties go to the lower Brier score of the out-of-fold scores
 * ({@link #choose} for the case that no setting is within the bound). Stateless.
 */
public final class CalibrationCrossValidation {

    static final double MAX_FALSE_PER_10 = 1.0;

    /** One setting's out-of-fold result. */
    public record Row(Setting setting, Counts counts, int photos, double brier) {

        public double falsePer10() {
            return 10.0 * counts.falseDetections() / photos;
        }

        boolean admissible() {
            return falsePer10() <= MAX_FALSE_PER_10;
        }
    }

    /** The rival weights compared (since cal5; 0 is the raw score, as up to cal4). */
    public static final double[] RIVAL_WEIGHTS = {0, 0.25, 0.5, 0.75, 1};

    /**
     * The settings compared: for each of {@link #RIVAL_WEIGHTS}, own maps from 5 to 40 detections with several prior
     * weights, and global only (the 21 settings of cal2 to cal4 first, with rival weight 0).
     */
    public static List<Setting> grid() {
        List<Setting> grid = new ArrayList<>();
        for (double rival : RIVAL_WEIGHTS) {
            for (int min : new int[] {5, 8, 12, 20, 40}) {
                for (double prior : new double[] {3, 10, 30, 100}) {
                    grid.add(new Setting(min, prior, rival));
                }
            }
            grid.add(new Setting(Integer.MAX_VALUE, 0, rival));
        }
        return grid;
    }

    private CalibrationCrossValidation() {
    }

    /**
     * @param adjusted per rival weight, the training photos with their detections scored by the adjusted score
     *                 ({@code ScoreCalibration.rivalOnly(weight)}; with weight 0 the raw score)
     * @param folds    photo id to fold
     */
    public static List<Row> run(DoubleFunction<List<PhotoDetections>> adjusted, Map<String, Integer> folds, int k,
                                double iou, double cut) {
        DetectionMatcher matcher = new DetectionMatcher(iou);
        DetectionEvaluation evaluation = new DetectionEvaluation(iou);
        List<Row> rows = new ArrayList<>();
        for (Setting setting : grid()) {
            List<PhotoDetections> photos = adjusted.apply(setting.rivalWeight());
            List<PhotoDetections> outOfFold = new ArrayList<>();
            for (int fold = 0; fold < k; fold++) {
                int f = fold;
                List<PhotoDetections> fit = photos.stream().filter(p -> folds.get(p.photo().id()) != f).toList();
                ScoreCalibration calibration = ScoreCalibration.parse("fold " + f,
                        CalibrationFit.lines(CalibrationFit.fit(judge(matcher, fit), setting)));
                photos.stream().filter(p -> folds.get(p.photo().id()) == f)
                        .forEach(p -> outOfFold.add(calibrated(p, calibration)));
            }
            double squares = 0;
            int n = 0;
            for (List<double[]> points : judge(matcher, outOfFold).values()) {
                for (double[] point : points) {
                    squares += (point[0] - point[1]) * (point[0] - point[1]);
                    n++;
                }
            }
            rows.add(new Row(setting, evaluation.count(outOfFold, s -> s > cut), photos.size(), squares / n));
        }
        return rows;
    }

    /**
     * The admissible row with the most objects kept (ties: lower Brier score); without one, the fewest false (ties,
     * since cal5: the most objects kept, then the lower Brier score).
     */
    public static Row choose(List<Row> rows) {
        Row best = null;
        for (Row r : rows) {
            if (best == null || better(r, best)) {
                best = r;
            }
        }
        return best;
    }

    private static boolean better(Row a, Row b) {
        if (a.admissible() != b.admissible()) {
            return a.admissible();
        }
        if (!a.admissible() && a.counts().falseDetections() != b.counts().falseDetections()) {
            return a.counts().falseDetections() < b.counts().falseDetections();
        }
        if (a.counts().found() != b.counts().found()) {
            return a.counts().found() > b.counts().found();
        }
        return a.brier() < b.brier();
    }

    /** Per class, each judged detection (not in an ignore region) as (score, 1 if correct else 0). */
    public static Map<String, List<double[]>> judge(DetectionMatcher matcher, List<PhotoDetections> photos) {
        Map<String, List<double[]>> judged = new TreeMap<>();
        for (PhotoDetections p : photos) {
            for (DetectionMatcher.Judged j : matcher.judge(DetectionEvaluation.labels(p.photo().objects(), p),
                    DetectionEvaluation.labels(p.photo().ignore(), p), p.detections())) {
                if (j.outcome() != DetectionMatcher.Outcome.IGNORED) {
                    judged.computeIfAbsent(j.detection().className(), c -> new ArrayList<>()).add(new double[] {
                            j.detection().score(), j.outcome() == DetectionMatcher.Outcome.FOUND ? 1 : 0});
                }
            }
        }
        return judged;
    }

    private static PhotoDetections calibrated(PhotoDetections p, ScoreCalibration calibration) {
        List<Detection> detections = p.detections().stream()
                .map(d -> new Detection(d.className(), calibration.calibrate(d.className(), d.score()), d.box()))
                .toList();
        return new PhotoDetections(p.photo(), p.width(), p.height(), detections);
    }
}

package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.calibration.IsotonicRegression.Knot;
import gallery.vision.worker.objects.ScoreCalibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits the score calibration table ({@code ScoreCalibration}'s resource) from judged detections: a global isotonic
 * map over all classes, and for each class with at least {@link Setting#minPerClass()} judged detections a per-class
 * isotonic map blended with the global one by weight {@code n / (n + priorWeight)} (so a class with few detections
 * stays close to the global map; a blend of two non-decreasing maps is non-decreasing). Values are rounded to 4
 * decimals. The judged scores are the adjusted ones of the setting's rival weight (the caller computes them); the
 * weight itself goes into the file by {@link #lines(Map, double)}. The setting is chosen by cross-validation on the
 * training photos ({@link CalibrationCrossValidation}). Stateless.
 */
public final class CalibrationFit {

    public static final String GLOBAL = "*";

    /**
     * @param minPerClass judged detections a class needs for a map of its own ({@link Integer#MAX_VALUE}: global only)
     * @param priorWeight pseudo-count of the global map in a class's blend
     * @param rivalWeight how much of the rival class's score is subtracted from the raw score before the maps
     *                    ({@code ScoreCalibration}'s {@code @rival-weight}; 0 up to cal4): the maps are fitted on
     *                    the adjusted scores
     */
    public record Setting(int minPerClass, double priorWeight, double rivalWeight) {

        /** The first fit's constants (issue 10, cal1), set without cross-validation. */
        public static final Setting CAL1 = new Setting(8, 30);

        /** A setting on the raw scores (no rival weight), as up to cal4. */
        public Setting(int minPerClass, double priorWeight) {
            this(minPerClass, priorWeight, 0);
        }

        @Override
        public String toString() {
            String maps = minPerClass == Integer.MAX_VALUE ? "global only"
                    : String.format(Locale.ROOT, "own map from %d detections, prior weight %.0f", minPerClass,
                    priorWeight);
            return rivalWeight == 0 ? maps : String.format(Locale.ROOT, "%s, rival weight %.2f", maps, rivalWeight);
        }
    }

    private CalibrationFit() {
    }

    /**
     * @param judged  per class, its detections as (raw score, 1 if correct else 0)
     * @param setting when a class gets its own map and how strongly it is pulled to the global one
     * @return per class ({@value #GLOBAL} for the global map), knots rising in both coordinates
     */
    public static Map<String, List<Knot>> fit(Map<String, List<double[]>> judged, Setting setting) {
        List<double[]> all = new ArrayList<>();
        judged.values().forEach(all::addAll);
        List<Knot> global = round(IsotonicRegression.fit(all));
        Map<String, List<Knot>> tables = new TreeMap<>();
        tables.put(GLOBAL, global);
        judged.forEach((className, points) -> {
            if (points.size() >= setting.minPerClass()) {
                tables.put(className, blend(IsotonicRegression.fit(points), global,
                        points.size() / (points.size() + setting.priorWeight())));
            }
        });
        return tables;
    }

    static List<Knot> blend(List<Knot> own, List<Knot> global, double weight) {
        TreeSet<Double> xs = new TreeSet<>();
        own.forEach(k -> xs.add(k.x()));
        global.forEach(k -> xs.add(k.x()));
        List<Knot> out = new ArrayList<>();
        for (double x : xs) {
            out.add(new Knot(x, weight * IsotonicRegression.at(own, x) + (1 - weight) * IsotonicRegression.at(global, x)));
        }
        return round(out);
    }

    /** Rounds to 4 decimals, dropping knots whose rounded x repeats (keeping the map non-decreasing). */
    static List<Knot> round(List<Knot> knots) {
        List<Knot> out = new ArrayList<>();
        for (Knot k : knots) {
            double x = Math.round(k.x() * 1e4) / 1e4;
            double y = Math.round(k.y() * 1e4) / 1e4;
            if (!out.isEmpty() && x <= out.get(out.size() - 1).x()) {
                Knot last = out.remove(out.size() - 1);
                y = Math.max(y, last.y());
                x = last.x();
            }
            if (!out.isEmpty()) {
                y = Math.max(y, out.get(out.size() - 1).y());
            }
            out.add(new Knot(x, y));
        }
        return out;
    }

    /** The table in the resource's format: {@code class TAB raw TAB calibrated} per knot. */
    public static List<String> lines(Map<String, List<Knot>> tables) {
        return lines(tables, 0);
    }

    /**
     * The table in the resource's format: the {@code @rival-weight} line when the weight is not 0, then
     * {@code class TAB adjusted score TAB calibrated} per knot.
     */
    public static List<String> lines(Map<String, List<Knot>> tables, double rivalWeight) {
        List<String> lines = new ArrayList<>();
        if (rivalWeight != 0) {
            lines.add(String.format(Locale.ROOT, "%s\t%.2f", ScoreCalibration.RIVAL_WEIGHT, rivalWeight));
        }
        tables.forEach((className, knots) -> knots.forEach(k -> lines.add(String.format(Locale.ROOT,
                "%s\t%.4f\t%.4f", className, k.x(), k.y()))));
        return lines;
    }
}

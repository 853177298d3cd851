package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.calibration.IsotonicRegression.Knot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits the score calibration table ({@code ScoreCalibration}'s resource) from judged detections: a global isotonic
 * map over all classes, and for each class with at least {@value #MIN_PER_CLASS} judged detections a per-class
 * isotonic map blended with the global one by weight {@code n / (n + }{@value #PRIOR_WEIGHT}{@code )} (so a class
 * with few detections stays close to the global map; a blend of two non-decreasing maps is non-decreasing). Values
 * are rounded to 4 decimals. Stateless.
 */
public final class CalibrationFit {

    public static final int MIN_PER_CLASS = 8;
    public static final double PRIOR_WEIGHT = 30;
    public static final String GLOBAL = "*";

    private CalibrationFit() {
    }

    /**
     * @param judged per class, its detections as (raw score, 1 if correct else 0)
     * @return per class ({@value #GLOBAL} for the global map), knots rising in both coordinates
     */
    public static Map<String, List<Knot>> fit(Map<String, List<double[]>> judged) {
        List<double[]> all = new ArrayList<>();
        judged.values().forEach(all::addAll);
        List<Knot> global = round(IsotonicRegression.fit(all));
        Map<String, List<Knot>> tables = new TreeMap<>();
        tables.put(GLOBAL, global);
        judged.forEach((className, points) -> {
            if (points.size() >= MIN_PER_CLASS) {
                tables.put(className, blend(IsotonicRegression.fit(points), global,
                        points.size() / (points.size() + PRIOR_WEIGHT)));
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
        List<String> lines = new ArrayList<>();
        tables.forEach((className, knots) -> knots.forEach(k -> lines.add(String.format(Locale.ROOT,
                "%s\t%.4f\t%.4f", className, k.x(), k.y()))));
        return lines;
    }
}

package gallery.vision.worker.objects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a detector's raw score into the estimated probability that the detection is correct (its class right and
 * its box on the object), the meaning coco-ssd's score had and Home Gallery's {@code score > 0.6} cut assumes.
 * A monotone non-decreasing, piecewise linear map per class, with a global map for the classes the labelled data
 * cannot fit alone; constant beyond the first and last knot. Fitted on labelled photos by the evaluation harness
 * ({@code FitScoreCalibration}, docs/model-choice.md) and shipped as the resource
 * {@code <detector name>.calibration.tsv} beside this class: lines {@code class TAB raw TAB calibrated}, class
 * {@value #GLOBAL} for the global map, {@code #} comments. Immutable, thread-safe.
 */
public final class ScoreCalibration {

    public static final String GLOBAL = "*";
    /** The identity: answers keep the raw score (for detectors without a fitted table). */
    public static final ScoreCalibration NONE = new ScoreCalibration("none", Map.of());

    private final String source;
    private final Map<String, Knots> tables;

    private record Knots(double[] raw, double[] calibrated) {
        double apply(double x) {
            if (x <= raw[0]) {
                return calibrated[0];
            }
            for (int i = 1; i < raw.length; i++) {
                if (x <= raw[i]) {
                    double t = (x - raw[i - 1]) / (raw[i] - raw[i - 1]);
                    return calibrated[i - 1] + t * (calibrated[i] - calibrated[i - 1]);
                }
            }
            return calibrated[raw.length - 1];
        }
    }

    private ScoreCalibration(String source, Map<String, Knots> tables) {
        this.source = source;
        this.tables = tables;
    }

    /** The calibrated score of a detection of {@code className} with the network's score {@code raw}. */
    public double calibrate(String className, double raw) {
        Knots knots = tables.getOrDefault(className, tables.get(GLOBAL));
        return knots == null ? raw : knots.apply(raw);
    }

    /** The detections with calibrated scores (raw scores kept), by calibrated score descending. */
    public List<DetectedObject> apply(List<DetectedObject> detections) {
        List<DetectedObject> out = new ArrayList<>(detections.size());
        for (DetectedObject d : detections) {
            out.add(d.withScore(calibrate(d.className(), d.rawScore())));
        }
        out.sort(Comparator.comparingDouble(DetectedObject::score).reversed());
        return out;
    }

    /** Where the table came from (resource name), for logs and the model's version. */
    public String source() {
        return source;
    }

    /** The table shipped for detector {@code detectorName} without flip test-time augmentation, or {@link #NONE}. */
    public static ScoreCalibration forDetector(String detectorName) {
        return forDetector(detectorName, false);
    }

    /**
     * The table shipped for detector {@code detectorName} in the given mode ({@code <name>.calibration.tsv}, with
     * flip test-time augmentation {@code <name>.flip.calibration.tsv}), or {@link #NONE} when there is none.
     */
    public static ScoreCalibration forDetector(String detectorName, boolean flip) {
        String resource = detectorName + (flip ? ".flip" : "") + ".calibration.tsv";
        try (InputStream in = ScoreCalibration.class.getResourceAsStream(resource)) {
            return in == null ? NONE : parse(resource, new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses table lines; fails on a malformed line, a value outside 0..1 or a map that is not monotone. */
    public static ScoreCalibration parse(String source, List<String> lines) {
        Map<String, List<double[]>> points = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 3) {
                throw new IllegalArgumentException(source + ": expected class, raw, calibrated: " + line);
            }
            double raw = Double.parseDouble(cells[1]);
            double calibrated = Double.parseDouble(cells[2]);
            if (raw < 0 || raw > 1 || calibrated < 0 || calibrated > 1) {
                throw new IllegalArgumentException(source + ": values must lie in 0..1: " + line);
            }
            points.computeIfAbsent(cells[0], c -> new ArrayList<>()).add(new double[] {raw, calibrated});
        }
        Map<String, Knots> tables = new HashMap<>();
        points.forEach((className, list) -> {
            double[] raw = new double[list.size()];
            double[] calibrated = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                raw[i] = list.get(i)[0];
                calibrated[i] = list.get(i)[1];
                if (i > 0 && (raw[i] <= raw[i - 1] || calibrated[i] < calibrated[i - 1])) {
                    throw new IllegalArgumentException(source + ": the map of " + className
                            + " must rise with the raw score (raw strictly, calibrated not falling)");
                }
            }
            tables.put(className, new Knots(raw, calibrated));
        });
        return new ScoreCalibration(source, Map.copyOf(tables));
    }
}

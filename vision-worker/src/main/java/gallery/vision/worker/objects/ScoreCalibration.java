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
 * First the raw score is lowered by the network's score for another class on the same object
 * ({@link DetectedObject#rivalScore()}): {@code adjusted = max(0, raw - rivalWeight * rival)}, so that a white dog
 * seen both as sheep and as dog is less sure to be a sheep than a sheep with no rival; then a monotone non-decreasing,
 * piecewise linear map per class turns the adjusted score into the probability, with a global map for the classes
 * the labelled data cannot fit alone; constant beyond the first and last knot. So the calibrated score rises with
 * the raw score and falls with the rival's. Fitted on labelled photos by the evaluation harness
 * ({@code FitScoreCalibration}, docs/model-choice.md) and shipped as the resource
 * {@code <detector name>.calibration.tsv} beside this class: lines {@code class TAB adjusted TAB calibrated}, class
 * {@value #GLOBAL} for the global map, {@code #} comments, and at most one line {@code @rival-weight TAB w}
 * ({@code 0 <= w <= 1}; 0 when absent, then the map works on the raw score). Immutable, thread-safe.
 */
public final class ScoreCalibration {

    public static final String GLOBAL = "*";
    /** The table line naming the rival weight. */
    public static final String RIVAL_WEIGHT = "@rival-weight";
    /** The identity: answers keep the raw score (for detectors without a fitted table). */
    public static final ScoreCalibration NONE = new ScoreCalibration("none", Map.of(), 0);

    private final String source;
    private final Map<String, MonotoneMap> tables;
    private final double rivalWeight;

    private ScoreCalibration(String source, Map<String, MonotoneMap> tables, double rivalWeight) {
        this.source = source;
        this.tables = tables;
        this.rivalWeight = rivalWeight;
    }

    /** The calibrated score of a detection of {@code className} with the network's score {@code raw}, no rival. */
    public double calibrate(String className, double raw) {
        return calibrate(className, raw, 0);
    }

    /**
     * The calibrated score of a detection of {@code className} with the network's score {@code raw} and the best
     * score {@code rival} of another class on the same object; without a map for the class and no global map, the
     * adjusted score.
     */
    public double calibrate(String className, double raw, double rival) {
        double adjusted = Math.max(0, raw - rivalWeight * rival);
        MonotoneMap map = tables.getOrDefault(className, tables.get(GLOBAL));
        return map == null ? adjusted : map.apply(adjusted);
    }

    /** A calibration that only subtracts {@code rivalWeight} times the rival score (no maps): for fitting the maps. */
    public static ScoreCalibration rivalOnly(double rivalWeight) {
        return new ScoreCalibration("rival weight " + rivalWeight, Map.of(), checkedWeight("rivalOnly", rivalWeight));
    }

    /** The weight of the rival class's score subtracted from the raw score before the map. */
    public double rivalWeight() {
        return rivalWeight;
    }

    /** The detections with calibrated scores (raw scores kept), by calibrated score descending. */
    public List<DetectedObject> apply(List<DetectedObject> detections) {
        List<DetectedObject> out = new ArrayList<>(detections.size());
        for (DetectedObject d : detections) {
            out.add(d.withScore(calibrate(d.className(), d.rawScore(), d.rivalScore())));
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

    /**
     * Parses table lines; fails on a malformed line, a value outside 0..1, a map that is not monotone or a repeated
     * rival weight.
     */
    public static ScoreCalibration parse(String source, List<String> lines) {
        Map<String, List<double[]>> points = new HashMap<>();
        Double rivalWeight = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells[0].equals(RIVAL_WEIGHT)) {
                if (cells.length != 2 || rivalWeight != null) {
                    throw new IllegalArgumentException(source + ": expected one line " + RIVAL_WEIGHT + " TAB weight: "
                            + line);
                }
                rivalWeight = checkedWeight(source, Double.parseDouble(cells[1]));
                continue;
            }
            if (cells.length != 3) {
                throw new IllegalArgumentException(source + ": expected class, raw, calibrated: " + line);
            }
            points.computeIfAbsent(cells[0], c -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
        }
        Map<String, MonotoneMap> tables = new HashMap<>();
        points.forEach((className, knots) -> tables.put(className,
                MonotoneMap.of(knots, source + ": the map of " + className)));
        return new ScoreCalibration(source, Map.copyOf(tables), rivalWeight == null ? 0 : rivalWeight);
    }

    private static double checkedWeight(String source, double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException(source + ": the rival weight must lie in 0..1: " + weight);
        }
        return weight;
    }
}

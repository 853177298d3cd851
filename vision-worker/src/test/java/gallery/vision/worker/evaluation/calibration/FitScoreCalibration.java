package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.cache.EvalPaths;
import gallery.vision.worker.evaluation.cache.RawDetections;
import gallery.vision.worker.evaluation.detection.Detection;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation.Counts;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation.PhotoDetections;
import gallery.vision.worker.evaluation.detection.DetectionMatcher;
import gallery.vision.worker.evaluation.detection.LabelledPhoto;
import gallery.vision.worker.evaluation.detection.ObjectLabels;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.CrossValidationFolds;
import gallery.vision.worker.evaluation.photos.EvalSplit;
import gallery.vision.worker.evaluation.photos.PhotoManifest;
import gallery.vision.worker.evaluation.report.MarkdownTable;
import gallery.vision.worker.objects.ScoreCalibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

/**
 * Fits the detector's score calibration on the training part of the labelled photos ({@link EvalSplit}) from the
 * cached raw detections ({@code RawOutputs}), writes the table the service ships, and reports recall and false
 * detections at Home Gallery's cut ({@code score > 0.6}) before (raw scores) and after (calibrated), on the held-out
 * part and, for reference, on the training part.
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.calibration.FitScoreCalibration \
 *     -Deval.args="--table vision-worker/src/main/resources/gallery/vision/worker/objects/centernet-mobilenet-v3.calibration.tsv --report docs/evaluation/calibration.md"
 * </pre>
 * Options: {@code --cache DIR} (raw outputs), {@code --iou X} (0.5), {@code --table PATH}, {@code --report PATH}
 * (relative paths against the repository root), {@code --flip true} (the cached detections were made with flip
 * test-time augmentation, {@code RawOutputs --flip true}: names the report and the default table
 * {@code <detector>.flip.calibration.tsv} accordingly), {@code --previous PATH} (a table shipped before, for example
 * {@code git show HEAD:<table> > /tmp/previous.tsv} taken before the run overwrites it: reported beside the new one on
 * the same photos, so that "before" and "after" are counted on the same held-out set; it plays no part in the fit)
 * and {@code --previous-name NAME} (how the report names it).
 */
public final class FitScoreCalibration {

    private static final double CUT = 0.6;

    private FitScoreCalibration() {
    }

    public static void main(String[] args) throws IOException {
        EvalPaths paths = EvalPaths.parse(args);
        Path repo = paths.tools().getParent().getParent();
        double iou = Double.parseDouble(paths.option("iou", "0.5"));
        boolean flip = Boolean.parseBoolean(paths.option("flip", "false"));
        String mode = flip ? " with flip test-time augmentation" : "";
        RawDetections raw = RawDetections.read(paths.cache().resolve("detections.json"));
        Map<String, RawDetections.PhotoDetections> cached = raw.byId();
        Map<String, EvalSplit> split = new HashMap<>();
        Map<String, EvalPhoto> manifest = new HashMap<>();
        for (EvalPhoto photo : PhotoManifest.read(paths.tools().resolve("photos.tsv"), paths.photos())) {
            split.put(photo.id(), EvalSplit.of(photo));
            manifest.put(photo.id(), photo);
        }
        Set<String> coco = Files.readAllLines(paths.tools().resolve("coco-classes.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t")[1]).collect(Collectors.toCollection(LinkedHashSet::new));
        ObjectLabels labels = ObjectLabels.read(paths.tools().resolve("object-labels.json"), coco);
        List<LabelledPhoto> training = new ArrayList<>();
        List<LabelledPhoto> heldOut = new ArrayList<>();
        for (LabelledPhoto photo : labels.photos()) {
            (split.get(photo.id()) == EvalSplit.HELD_OUT ? heldOut : training).add(photo);
        }

        DetectionMatcher matcher = new DetectionMatcher(iou);
        Map<Double, List<PhotoDetections>> adjusted = new HashMap<>();
        DoubleFunction<List<PhotoDetections>> trainingAdjusted = weight -> adjusted.computeIfAbsent(weight,
                w -> withScores(training, cached, ScoreCalibration.rivalOnly(w)));
        Map<String, Integer> folds = CrossValidationFolds.assign(training.stream().map(p -> manifest.get(p.id()))
                .toList(), CrossValidationFolds.K);
        List<CalibrationCrossValidation.Row> cv = CalibrationCrossValidation.run(trainingAdjusted, folds,
                CrossValidationFolds.K, iou, CUT);
        CalibrationFit.Setting setting = CalibrationCrossValidation.choose(cv).setting();
        Map<String, List<double[]>> judged = CalibrationCrossValidation.judge(matcher,
                trainingAdjusted.apply(setting.rivalWeight()));
        List<String> table = CalibrationFit.lines(CalibrationFit.fit(judged, setting), setting.rivalWeight());
        int judgedCount = judged.values().stream().mapToInt(List::size).sum();
        List<String> file = new ArrayList<>(List.of(
                "# Score calibration of " + raw.model() + " (" + raw.version() + ")" + mode
                        + ": class, adjusted score (raw minus the rival weight times the rival class's score),"
                        + " calibrated score.",
                "# Fitted " + LocalDate.now() + " by FitScoreCalibration (evaluation harness, docs/model-choice.md) on "
                        + training.size() + " training photos of tools/eval-photos (" + judgedCount
                        + " judged detections, IoU >= " + iou + "), setting chosen by " + CrossValidationFolds.K
                        + "-fold cross-validation on them: " + setting + ".",
                "# '*' is the map for all other classes."));
        file.addAll(table);
        Path tablePath = repo.resolve(paths.option("table", "vision-worker/src/main/resources/gallery/vision/worker/"
                + "objects/" + raw.model() + (flip ? ".flip" : "") + ".calibration.tsv"));
        Files.write(tablePath, file);
        ScoreCalibration calibration = ScoreCalibration.parse(tablePath.toString(), file);
        Map<String, ScoreCalibration> compared = new LinkedHashMap<>();
        compared.put("raw", ScoreCalibration.NONE);
        if (paths.options().containsKey("previous")) {
            Path previous = repo.resolve(paths.option("previous", ""));
            compared.put("calibrated, previous table " + paths.option("previous-name",
                            previous.getFileName().toString()),
                    ScoreCalibration.parse(previous.toString(), Files.readAllLines(previous)));
        }
        compared.put("calibrated", calibration);

        StringBuilder report = new StringBuilder("# Score calibration of " + raw.model() + mode + "\n\n");
        report.append(String.format(Locale.ROOT, "Fitted on %d training photos (%d judged detections), IoU >= %.2f. "
                + "Held out: %d labelled photos (sha1 starting 0-5). Counts at Home Gallery's cut, score > %.1f.%n%n",
                training.size(), judgedCount, iou, heldOut.size(), CUT));
        report.append(crossValidation(cv, setting));
        DetectionEvaluation evaluation = new DetectionEvaluation(iou);
        MarkdownTable summary = new MarkdownTable("part", "photos", "labelled objects", "scores",
                "found (score > 0.6)", "recall", "false detections", "false per 10 photos");
        for (Map.Entry<String, List<LabelledPhoto>> part : Map.of("held-out", heldOut, "training", training)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            for (Map.Entry<String, ScoreCalibration> c : compared.entrySet()) {
                List<PhotoDetections> scored = withScores(part.getValue(), cached, c.getValue());
                Counts counts = evaluation.count(scored, s -> s > CUT);
                summary.row(part.getKey(), part.getValue().size(), counts.labelled(), c.getKey(), counts.found(),
                        pct((double) counts.found() / counts.labelled()), counts.falseDetections(),
                        String.format(Locale.ROOT, "%.2f", 10.0 * counts.falseDetections() / part.getValue().size()));
            }
        }
        report.append(summary.render()).append('\n');
        Map<String, List<PhotoDetections>> heldOutScored = new LinkedHashMap<>();
        compared.forEach((name, c) -> heldOutScored.put(name, withScores(heldOut, cached, c)));
        report.append(perClass(evaluation, heldOutScored));
        report.append(reliability(matcher, withScores(heldOut, cached, calibration)));
        report.append(FalseDetectionList.render(matcher, withScores(heldOut, cached, calibration), cached, CUT));
        Path reportPath = repo.resolve(paths.option("report", "vision-worker/target/calibration-report.md"));
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        Files.writeString(reportPath, report);
        System.out.println(report);
        System.out.println("calibration: table written to " + tablePath + ", report to " + reportPath);
    }

    private static String crossValidation(List<CalibrationCrossValidation.Row> rows, CalibrationFit.Setting chosen) {
        MarkdownTable table = new MarkdownTable("setting", "found (score > 0.6)", "recall", "false detections",
                "false per 10 photos", "Brier score", "chosen");
        for (CalibrationCrossValidation.Row r : rows) {
            table.row(r.setting(), r.counts().found() + "/" + r.counts().labelled(),
                    pct((double) r.counts().found() / r.counts().labelled()), r.counts().falseDetections(),
                    String.format(Locale.ROOT, "%.2f", r.falsePer10()), String.format(Locale.ROOT, "%.4f", r.brier()),
                    r.setting().equals(chosen) ? "**yes**" : "");
        }
        return "Setting chosen by " + CrossValidationFolds.K + "-fold cross-validation inside the training photos "
                + "(photos sorted by sha1, the i-th in fold i mod " + CrossValidationFolds.K + "; each fold's scores "
                + "from a table fitted on the other folds; counts over all training photos at score > 0.6) among "
                + "the rival weights (the share of the best other class's score on the same object subtracted from "
                + "the raw score before the maps) times the maps' settings: the most objects kept with at most 1 "
                + "false detection per 10 photos, ties by lower Brier score; without such a setting, the fewest false "
                + "detections, ties by the most objects kept, then the Brier score. The held-out photos play no part "
                + "in the choice.\n\n" + table.render() + "\n"
                + "Chosen: " + chosen + ". Evaluated once on the held-out photos:\n\n";
    }

    /** @param scored per scoring (raw first), the held-out photos' detections with those scores */
    private static String perClass(DetectionEvaluation evaluation, Map<String, List<PhotoDetections>> scored) {
        DoublePredicate cut = s -> s > CUT;
        List<Map<String, int[]>> counts = scored.values().stream()
                .map(photos -> evaluation.count(photos, cut).perClass()).toList();
        List<String> header = new ArrayList<>(List.of("class (held-out)", "labelled"));
        scored.keySet().forEach(name -> header.add("found, " + name + " > 0.6"));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        new TreeMap<>(counts.get(0)).forEach((className, raw) -> {
            List<Object> row = new ArrayList<>(List.of(className, raw[1]));
            counts.forEach(c -> row.add(c.getOrDefault(className, new int[2])[0]));
            table.row(row.toArray());
        });
        return "Per class on the held-out photos:\n\n" + table.render() + "\n";
    }


    /** Held-out detections by calibrated score bin: how many, and the share that were correct. */
    private static String reliability(DetectionMatcher matcher, List<PhotoDetections> calibrated) {
        int[] count = new int[10];
        int[] correct = new int[10];
        for (PhotoDetections p : calibrated) {
            for (DetectionMatcher.Judged j : matcher.judge(DetectionEvaluation.labels(p.photo().objects(), p),
                    DetectionEvaluation.labels(p.photo().ignore(), p), p.detections())) {
                if (j.outcome() != DetectionMatcher.Outcome.IGNORED) {
                    int bin = Math.min(9, (int) (j.detection().score() * 10));
                    count[bin]++;
                    correct[bin] += j.outcome() == DetectionMatcher.Outcome.FOUND ? 1 : 0;
                }
            }
        }
        MarkdownTable table = new MarkdownTable("calibrated score (held-out)", "detections", "correct", "share correct");
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                table.row(String.format(Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0), count[b], correct[b],
                        pct((double) correct[b] / count[b]));
            }
        }
        return "Reliability on the held-out photos (detections not in an ignore region):\n\n" + table.render() + "\n";
    }

    private static List<PhotoDetections> withScores(List<LabelledPhoto> photos,
                                                    Map<String, RawDetections.PhotoDetections> cached,
                                                    ScoreCalibration calibration) {
        List<PhotoDetections> out = new ArrayList<>();
        for (LabelledPhoto photo : photos) {
            RawDetections.PhotoDetections p = cached.get(photo.id());
            if (p == null) {
                throw new IllegalStateException("no cached detections of " + photo.id() + " (rerun RawOutputs)");
            }
            List<Detection> detections = p.detections().stream()
                    .map(d -> d.withScore(calibration.calibrate(d.className(), d.rawScore(), d.rival()))).toList();
            out.add(new PhotoDetections(photo, p.width(), p.height(), detections));
        }
        return out;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}

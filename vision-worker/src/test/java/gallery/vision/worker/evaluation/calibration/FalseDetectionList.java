package gallery.vision.worker.evaluation.calibration;

import gallery.vision.worker.evaluation.cache.RawDetections;
import gallery.vision.worker.evaluation.detection.Box;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation.PhotoDetections;
import gallery.vision.worker.evaluation.detection.DetectionMatcher;
import gallery.vision.worker.evaluation.detection.LabelledObject;
import gallery.vision.worker.evaluation.report.MarkdownTable;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report section listing each false detection kept at Home Gallery's cut: photo, class, raw score, rival score,
 * calibrated score and the best IoU with a labelled object of its class (a loose box on a real object shows as
 * 0.3-0.5, a class confusion or a detection on nothing as 0). Descriptive only: it is computed after the choice and
 * plays no part in it. Stateless.
 */
final class FalseDetectionList {

    private FalseDetectionList() {
    }

    /**
     * @param calibrated the photos' detections with calibrated scores, in the cached order
     * @param cached     the same photos' raw detections by photo id
     */
    static String render(DetectionMatcher matcher, List<PhotoDetections> calibrated,
                         Map<String, RawDetections.PhotoDetections> cached, double cut) {
        MarkdownTable table = new MarkdownTable("photo", "class", "raw score", "rival score", "calibrated",
                "best IoU with a label of its class");
        int count = 0;
        for (PhotoDetections p : calibrated) {
            List<LabelledObject> labels = DetectionEvaluation.labels(p.photo().objects(), p);
            List<RawDetections.RawDetection> raw = cached.get(p.photo().id()).detections();
            for (DetectionMatcher.Judged j : matcher.judge(labels, DetectionEvaluation.labels(p.photo().ignore(), p),
                    p.detections().stream().filter(d -> d.score() > cut).toList())) {
                if (j.outcome() != DetectionMatcher.Outcome.FALSE) {
                    continue;
                }
                Box box = j.detection().box();
                RawDetections.RawDetection source = raw.get(p.detections().indexOf(j.detection()));
                double bestIou = labels.stream().filter(l -> l.className().equals(j.detection().className()))
                        .mapToDouble(l -> l.box().iou(box)).max().orElse(0);
                table.row(p.photo().id(), j.detection().className(), fmt(source.rawScore()), fmt(source.rival()),
                        fmt(j.detection().score()), fmt(bestIou));
                count++;
            }
        }
        return String.format(Locale.ROOT, "False detections at score > %.1f on the held-out photos: %d.%n%n", cut,
                count) + (count == 0 ? "" : table.render() + "\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

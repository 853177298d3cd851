package gallery.vision.worker.evaluation.detection;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.ObjectDetector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * Runs one detector over the labelled photos and counts, at score >= 0.3 and at score > 0.6 (the threshold Home
 * Gallery keeps), the labelled objects found and the false detections; label boxes are scaled to the image the
 * detector is given. Not thread-safe; one run at a time.
 */
public final class DetectionEvaluation {

    /** Counts at one threshold, overall and per class (found / labelled). */
    public record Counts(int labelled, int found, int falseDetections, Map<String, int[]> perClass) {
    }

    /** Result for one detector. */
    public record Result(Counts atLeast03, Counts above06, double meanMillis, int photos) {
    }

    private final DetectionMatcher matcher;

    public DetectionEvaluation(double minIou) {
        this.matcher = new DetectionMatcher(minIou);
    }

    /** @param images loads a labelled photo as the detector should see it (possibly shrunk) */
    public Result run(ObjectDetector detector, List<LabelledPhoto> photos, Function<LabelledPhoto, RgbImage> images) {
        Tally low = new Tally();
        Tally high = new Tally();
        long nanos = 0;
        for (LabelledPhoto photo : photos) {
            RgbImage image = images.apply(photo);
            long start = System.nanoTime();
            List<Detection> detections = detector.detect(image);
            nanos += System.nanoTime() - start;
            double sx = (double) image.width() / photo.width();
            double sy = (double) image.height() / photo.height();
            List<LabelledObject> labels = photo.objects().stream()
                    .map(o -> new LabelledObject(o.className(), scaled(o.bbox(), sx, sy))).toList();
            List<LabelledObject> ignore = photo.ignore().stream()
                    .map(o -> new LabelledObject(o.className(), scaled(o.bbox(), sx, sy))).toList();
            low.add(labels, ignore, detections, score -> score >= 0.3);
            high.add(labels, ignore, detections, score -> score > 0.6);
        }
        return new Result(low.counts(), high.counts(), photos.isEmpty() ? Double.NaN : nanos / 1e6 / photos.size(),
                photos.size());
    }

    private static double[] scaled(double[] bbox, double sx, double sy) {
        return new double[] {bbox[0] * sx, bbox[1] * sy, bbox[2] * sx, bbox[3] * sy};
    }

    private final class Tally {
        private int labelled;
        private int found;
        private int falseDetections;
        private final Map<String, int[]> perClass = new LinkedHashMap<>();

        void add(List<LabelledObject> labels, List<LabelledObject> ignore, List<Detection> detections,
                 DoublePredicate kept) {
            DetectionMatcher.Result result = matcher.match(labels, ignore, detections, kept);
            labelled += result.labelled();
            found += result.found();
            falseDetections += result.falseDetections();
            for (String className : labels.stream().map(LabelledObject::className).distinct().toList()) {
                List<LabelledObject> ofClass = labels.stream().filter(l -> l.className().equals(className)).toList();
                DetectionMatcher.Result classResult = matcher.match(ofClass,
                        detections.stream().filter(d -> d.className().equals(className)).toList(), kept);
                int[] counts = perClass.computeIfAbsent(className, c -> new int[2]);
                counts[0] += classResult.found();
                counts[1] += classResult.labelled();
            }
        }

        Counts counts() {
            return new Counts(labelled, found, falseDetections, perClass);
        }
    }
}

package gallery.vision.worker.evaluation.detection;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.ObjectDetector;

import java.util.ArrayList;
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

    /** One photo's detections, on an image of {@code width} x {@code height} (label boxes are scaled to it). */
    public record PhotoDetections(LabelledPhoto photo, int width, int height, List<Detection> detections) {
    }

    /** @param images loads a labelled photo as the detector should see it (possibly shrunk) */
    public Result run(ObjectDetector detector, List<LabelledPhoto> photos, Function<LabelledPhoto, RgbImage> images) {
        List<PhotoDetections> all = new ArrayList<>();
        long nanos = 0;
        for (LabelledPhoto photo : photos) {
            RgbImage image = images.apply(photo);
            long start = System.nanoTime();
            List<Detection> detections = detector.detect(image);
            nanos += System.nanoTime() - start;
            all.add(new PhotoDetections(photo, image.width(), image.height(), detections));
        }
        return new Result(count(all, score -> score >= 0.3), count(all, score -> score > 0.6),
                photos.isEmpty() ? Double.NaN : nanos / 1e6 / photos.size(), photos.size());
    }

    /** Labelled objects found and false detections among the detections whose score passes {@code kept}. */
    public Counts count(List<PhotoDetections> all, DoublePredicate kept) {
        Tally tally = new Tally();
        for (PhotoDetections p : all) {
            tally.add(labels(p.photo().objects(), p), labels(p.photo().ignore(), p), p.detections(), kept);
        }
        return tally.counts();
    }

    /** The labelled boxes scaled to the image the detector was given. */
    public static List<LabelledObject> labels(List<LabelledObject> objects, PhotoDetections p) {
        double sx = (double) p.width() / p.photo().width();
        double sy = (double) p.height() / p.photo().height();
        return objects.stream().map(o -> new LabelledObject(o.className(), scaled(o.bbox(), sx, sy))).toList();
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

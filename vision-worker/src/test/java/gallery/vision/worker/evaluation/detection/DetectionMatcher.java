package gallery.vision.worker.evaluation.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Matches detections to labelled objects, greedily by descending score: a detection that passes the score
 * threshold takes the unmatched labelled object of the same class with the highest IoU, if that IoU is at least
 * {@code minIou}. Each labelled object is found at most once; a detection left unmatched is a false detection
 * (this includes a second box on an object already found), unless at least half of its box lies in an ignore
 * region of its class (a crowd or a cluster that was not labelled object by object, as COCO's "iscrowd").
 */
public final class DetectionMatcher {

    /** Outcome for one photo at one threshold. */
    public record Result(int labelled, int found, int falseDetections) {
    }

    private final double minIou;

    public DetectionMatcher(double minIou) {
        this.minIou = minIou;
    }

    public Result match(List<LabelledObject> labels, List<Detection> detections, DoublePredicate scoreKept) {
        return match(labels, List.of(), detections, scoreKept);
    }

    public Result match(List<LabelledObject> labels, List<LabelledObject> ignore, List<Detection> detections,
                        DoublePredicate scoreKept) {
        List<Detection> kept = detections.stream().filter(d -> scoreKept.test(d.score())).toList();
        int found = 0;
        int falseDetections = 0;
        for (Judged judged : judge(labels, ignore, kept)) {
            found += judged.outcome() == Outcome.FOUND ? 1 : 0;
            falseDetections += judged.outcome() == Outcome.FALSE ? 1 : 0;
        }
        return new Result(labels.size(), found, falseDetections);
    }

    /** What a detection turned out to be. */
    public enum Outcome { FOUND, FALSE, IGNORED }

    /** A detection and its outcome. */
    public record Judged(Detection detection, Outcome outcome) {
    }

    /** Every detection's outcome, matched greedily by descending score; in that order. */
    public List<Judged> judge(List<LabelledObject> labels, List<LabelledObject> ignore, List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        boolean[] taken = new boolean[labels.size()];
        List<Judged> judged = new ArrayList<>(sorted.size());
        for (Detection detection : sorted) {
            int best = -1;
            double bestIou = minIou;
            for (int i = 0; i < labels.size(); i++) {
                LabelledObject label = labels.get(i);
                if (taken[i] || !label.className().equals(detection.className())) {
                    continue;
                }
                double iou = label.box().iou(detection.box());
                if (iou >= bestIou) {
                    bestIou = iou;
                    best = i;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                judged.add(new Judged(detection, Outcome.FOUND));
            } else {
                judged.add(new Judged(detection, inIgnoredRegion(detection, ignore) ? Outcome.IGNORED
                        : Outcome.FALSE));
            }
        }
        return judged;
    }

    private static boolean inIgnoredRegion(Detection detection, List<LabelledObject> ignore) {
        Box box = detection.box();
        for (LabelledObject region : ignore) {
            if (region.className().equals(detection.className()) && box.area() > 0
                    && box.intersection(region.box()) >= 0.5 * box.area()) {
                return true;
            }
        }
        return false;
    }
}

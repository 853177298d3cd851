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
        List<Detection> kept = new ArrayList<>(detections.stream().filter(d -> scoreKept.test(d.score())).toList());
        kept.sort(Comparator.comparingDouble(Detection::score).reversed());
        boolean[] taken = new boolean[labels.size()];
        int found = 0;
        int falseDetections = 0;
        for (Detection detection : kept) {
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
                found++;
            } else if (!inIgnoredRegion(detection, ignore)) {
                falseDetections++;
            }
        }
        return new Result(labels.size(), found, falseDetections);
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

package gallery.vision.worker.faces.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * face-api's own SSD {@code nonMaxSuppression} (not TensorFlow's): candidates scoring above the threshold, by
 * descending score (ties keep anchor order), each kept unless its IoU with an already kept box exceeds the IoU
 * threshold, until {@code maxResults} are kept. Boxes are compared unclipped, corners taken in either order.
 * Stateless and thread-safe.
 */
public final class FaceNonMaxSuppression {

    private FaceNonMaxSuppression() {
    }

    /** Indices of the kept anchors, best first. */
    public static List<Integer> select(DetectorOutput output, DetectionOptions options) {
        int outputSize = Math.min(options.maxResults(), output.anchors());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < output.anchors(); i++) {
            if (output.scores()[i] > options.minConfidence()) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> output.scores()[i]).reversed());
        List<Integer> selected = new ArrayList<>();
        for (int candidate : candidates) {
            if (selected.size() >= outputSize) {
                break;
            }
            boolean suppressed = false;
            for (int j = selected.size() - 1; j >= 0 && !suppressed; j--) {
                suppressed = iou(output, candidate, selected.get(j)) > options.iouThreshold();
            }
            if (!suppressed) {
                selected.add(candidate);
            }
        }
        return selected;
    }

    static double iou(DetectorOutput boxes, int i, int j) {
        double yMinI = Math.min(boxes.yMin(i), boxes.yMax(i));
        double xMinI = Math.min(boxes.xMin(i), boxes.xMax(i));
        double yMaxI = Math.max(boxes.yMin(i), boxes.yMax(i));
        double xMaxI = Math.max(boxes.xMin(i), boxes.xMax(i));
        double yMinJ = Math.min(boxes.yMin(j), boxes.yMax(j));
        double xMinJ = Math.min(boxes.xMin(j), boxes.xMax(j));
        double yMaxJ = Math.max(boxes.yMin(j), boxes.yMax(j));
        double xMaxJ = Math.max(boxes.xMin(j), boxes.xMax(j));
        double areaI = (yMaxI - yMinI) * (xMaxI - xMinI);
        double areaJ = (yMaxJ - yMinJ) * (xMaxJ - xMinJ);
        if (areaI <= 0 || areaJ <= 0) {
            return 0;
        }
        double intersection = Math.max(Math.min(yMaxI, yMaxJ) - Math.max(yMinI, yMinJ), 0)
                * Math.max(Math.min(xMaxI, xMaxJ) - Math.max(xMinI, xMinJ), 0);
        return intersection / (areaI + areaJ - intersection);
    }
}

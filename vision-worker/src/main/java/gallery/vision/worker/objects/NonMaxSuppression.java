package gallery.vision.worker.objects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression over all classes at once, as {@code tf.image.nonMaxSuppression} (which both coco-ssd
 * and human run): boxes by score descending; a box is kept unless it overlaps an already kept one by more than the IoU
 * threshold; at most {@code maxBoxes} are kept. Immutable and thread-safe.
 *
 * @param iouThreshold overlap above which the lower-scored box is dropped
 * @param maxBoxes     how many boxes to keep at most
 */
public record NonMaxSuppression(float iouThreshold, int maxBoxes) {

    public List<ScoredBox> apply(List<ScoredBox> boxes) {
        List<ScoredBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        List<ScoredBox> kept = new ArrayList<>();
        for (ScoredBox box : sorted) {
            if (kept.size() >= maxBoxes) {
                break;
            }
            if (kept.stream().noneMatch(k -> k.iou(box) > iouThreshold)) {
                kept.add(box);
            }
        }
        return kept;
    }
}

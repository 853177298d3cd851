package gallery.vision.worker.objects;

/**
 * One box a detector's decoder found, before suppression: corners as fractions of the network input (0..1, which
 * is also a fraction of the posted image, since the image is stretched to the input), the raw model score and the
 * class index in the network's order (COCO's 80 classes).
 *
 * @param left       x of the left edge, 0..1
 * @param top        y of the top edge, 0..1
 * @param right      x of the right edge, 0..1
 * @param bottom     y of the bottom edge, 0..1
 * @param score      the network's score, unchanged
 * @param classIndex 0..79
 */
public record ScoredBox(float left, float top, float right, float bottom, float score, int classIndex) {

    public float area() {
        return Math.max(0, right - left) * Math.max(0, bottom - top);
    }

    /** Intersection over union; 0 when either box is empty. */
    public float iou(ScoredBox other) {
        float w = Math.min(right, other.right) - Math.max(left, other.left);
        float h = Math.min(bottom, other.bottom) - Math.max(top, other.top);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float intersection = w * h;
        return intersection / (area() + other.area() - intersection);
    }
}

package gallery.vision.worker.faces.detect;

/**
 * The SSD detector's raw output for one image: per anchor a box {@code (ymin, xmin, ymax, xmax)} relative to the
 * padded square input (not clipped) and a face score.
 *
 * @param boxes  {@code 4 * anchors} floats
 * @param scores {@code anchors} floats
 */
public record DetectorOutput(float[] boxes, float[] scores) {

    public DetectorOutput {
        if (boxes.length != scores.length * 4) {
            throw new IllegalArgumentException(boxes.length + " box values for " + scores.length + " scores");
        }
    }

    public int anchors() {
        return scores.length;
    }

    public double yMin(int i) {
        return boxes[i * 4];
    }

    public double xMin(int i) {
        return boxes[i * 4 + 1];
    }

    public double yMax(int i) {
        return boxes[i * 4 + 2];
    }

    public double xMax(int i) {
        return boxes[i * 4 + 3];
    }
}

package gallery.vision.worker.evaluation.detection;

/** An axis-aligned box, coco-ssd's {@code bbox} order: left, top, width, height, in pixels. */
public record Box(double x, double y, double width, double height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size: " + width + "x" + height);
        }
    }

    public static Box of(double[] bbox) {
        if (bbox.length != 4) {
            throw new IllegalArgumentException("bbox needs 4 numbers, got " + bbox.length);
        }
        return new Box(bbox[0], bbox[1], bbox[2], bbox[3]);
    }

    public double area() {
        return width * height;
    }

    /** Area of the overlap with {@code other}; 0 when they do not overlap. */
    public double intersection(Box other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        return Math.max(0, right - left) * Math.max(0, bottom - top);
    }

    /** Intersection over union; 0 when the boxes do not overlap or both are empty. */
    public double iou(Box other) {
        double intersection = intersection(other);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** The same box in an image scaled by {@code sx} horizontally and {@code sy} vertically. */
    public Box scaled(double sx, double sy) {
        return new Box(x * sx, y * sy, width * sx, height * sy);
    }
}

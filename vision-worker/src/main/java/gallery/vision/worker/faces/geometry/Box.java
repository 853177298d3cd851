package gallery.vision.worker.faces.geometry;

/**
 * An axis-aligned rectangle as face-api's {@code Box}: top-left corner and size, in pixels or relative units. The
 * operations mirror face-api's (same formulas, same order of double arithmetic). Immutable.
 */
public record Box(double x, double y, double width, double height) {

    /** The box spanning the given edges (face-api's {@code BoundingBox}). */
    public static Box fromEdges(double left, double top, double right, double bottom) {
        return new Box(left, top, right - left, bottom - top);
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double area() {
        return width * height;
    }

    public Box rescale(double scaleX, double scaleY) {
        return new Box(x * scaleX, y * scaleY, width * scaleX, height * scaleY);
    }

    /** Grows the box by {@code padX}, {@code padY} in total, half on each side. */
    public Box pad(double padX, double padY) {
        return new Box(x - padX / 2, y - padY / 2, width + padX, height + padY);
    }

    /** Each of x, y, width and height rounded down on its own. */
    public Box floor() {
        return new Box(Math.floor(x), Math.floor(y), Math.floor(width), Math.floor(height));
    }

    /** Cuts the box at the image's borders and floors it; the result may be empty (zero or negative size). */
    public Box clipAtImageBorders(int imageWidth, int imageHeight) {
        double clippedX = Math.max(x, 0);
        double clippedY = Math.max(y, 0);
        double clippedWidth = Math.min(right() - clippedX, imageWidth - clippedX);
        double clippedHeight = Math.min(bottom() - clippedY, imageHeight - clippedY);
        return new Box(clippedX, clippedY, clippedWidth, clippedHeight).floor();
    }

    public boolean isEmpty() {
        return !(width > 0 && height > 0);
    }
}

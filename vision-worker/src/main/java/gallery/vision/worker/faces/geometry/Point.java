package gallery.vision.worker.faces.geometry;

/**
 * A point in pixels (or relative units), with the arithmetic face-api's {@code Point} offers. Every operation is
 * carried out in double precision in the same order as face-api does, so results match it bit for bit.
 */
public record Point(double x, double y) {

    public static final Point ORIGIN = new Point(0, 0);

    public Point add(Point p) {
        return new Point(x + p.x, y + p.y);
    }

    public Point sub(Point p) {
        return new Point(x - p.x, y - p.y);
    }

    public Point mul(Point p) {
        return new Point(x * p.x, y * p.y);
    }

    public Point div(Point p) {
        return new Point(x / p.x, y / p.y);
    }

    public double magnitude() {
        return Math.sqrt(x * x + y * y);
    }

    /** The mean of the points, summed from the origin in order and divided once (face-api's getCenterPoint). */
    public static Point center(Iterable<Point> points) {
        Point sum = ORIGIN;
        int n = 0;
        for (Point p : points) {
            sum = sum.add(p);
            n++;
        }
        return sum.div(new Point(n, n));
    }
}

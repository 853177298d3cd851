package gallery.vision.worker.faces.landmarks;

import gallery.vision.worker.faces.geometry.Point;

import java.util.List;

/**
 * The 68 landmarks of one face in image pixels, as face-api's {@code FaceLandmarks68} after {@code shiftBy}: the
 * net's positions relative to the face crop, scaled by the crop's size and shifted by the detection box's corner.
 *
 * @param positions  68 points in image pixels
 * @param cropWidth  width of the crop the landmark net saw (face-api's "image" size of these landmarks)
 * @param cropHeight its height
 */
public record FaceLandmarks68(List<Point> positions, int cropWidth, int cropHeight) {

    public FaceLandmarks68 {
        positions = List.copyOf(positions);
        if (positions.size() != 68) {
            throw new IllegalArgumentException("need 68 landmarks, got " + positions.size());
        }
    }

    /**
     * Positions relative to the crop ({@code rx}, {@code ry} in 0..1) placed as face-api does: scaled by the crop
     * size, made relative again and scaled back (its constructor and {@code shiftBy}), then shifted.
     */
    public static FaceLandmarks68 place(float[] relative, int cropWidth, int cropHeight, Point shift) {
        Point cropSize = new Point(cropWidth, cropHeight);
        Point[] positions = new Point[68];
        for (int i = 0; i < 68; i++) {
            Point unshifted = new Point(relative[2 * i], relative[2 * i + 1]).mul(cropSize).add(Point.ORIGIN);
            Point relativeAgain = unshifted.sub(Point.ORIGIN).div(cropSize);
            positions[i] = relativeAgain.mul(cropSize).add(shift);
        }
        return new FaceLandmarks68(List.of(positions), cropWidth, cropHeight);
    }

    public List<Point> jawOutline() {
        return positions.subList(0, 17);
    }

    public List<Point> leftEyeBrow() {
        return positions.subList(17, 22);
    }

    public List<Point> rightEyeBrow() {
        return positions.subList(22, 27);
    }

    public List<Point> nose() {
        return positions.subList(27, 36);
    }

    public List<Point> leftEye() {
        return positions.subList(36, 42);
    }

    public List<Point> rightEye() {
        return positions.subList(42, 48);
    }

    public List<Point> mouth() {
        return positions.subList(48, 68);
    }

    /** Centres of the left eye, the right eye and the mouth. */
    public List<Point> refPointsForAlignment() {
        return List.of(Point.center(leftEye()), Point.center(rightEye()), Point.center(mouth()));
    }
}

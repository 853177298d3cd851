package gallery.vision.worker.faces.landmarks;

import gallery.vision.worker.faces.geometry.Box;
import gallery.vision.worker.faces.geometry.Detection;
import gallery.vision.worker.faces.geometry.Point;

import java.util.List;

/**
 * The two rectangles face-api derives from landmarks (its {@code FaceLandmarks.align}). Stateless and thread-safe.
 */
public final class FaceAlignment {

    private static final double MIN_BOX_PADDING = 0.2;
    private static final double REL_X = 0.5;
    private static final double REL_Y = 0.43;
    private static final double REL_SCALE = 0.45;

    private FaceAlignment() {
    }

    /**
     * The answer's {@code alignedRect}: the landmarks' bounding box (face-api starts the maxima at 0) grown by 20%,
     * carrying the detection's score, made relative to the image and back as face-api's {@code FaceDetection} does.
     * Expressions and age/gender crop this rectangle.
     */
    public static Detection alignedRect(FaceLandmarks68 landmarks, Detection detection) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = 0;
        double maxY = 0;
        for (Point p : landmarks.positions()) {
            minX = p.x() < minX ? p.x() : minX;
            minY = p.y() < minY ? p.y() : minY;
            maxX = maxX < p.x() ? p.x() : maxX;
            maxY = maxY < p.y() ? p.y() : maxY;
        }
        Box bounds = Box.fromEdges(minX, minY, maxX, maxY);
        Box padded = bounds.pad(bounds.width() * MIN_BOX_PADDING, bounds.height() * MIN_BOX_PADDING);
        int width = detection.imageWidth();
        int height = detection.imageHeight();
        return Detection.ofRelative(detection.score(), padded.rescale(1.0 / width, 1.0 / height), width, height);
    }

    /**
     * dlib-style alignment ({@code useDlibAlignment}), the rectangle the recognition net crops: a square sized by
     * the eye-to-mouth distance around the centre of eyes and mouth. The size cap uses the landmark crop's size, as
     * face-api does.
     */
    public static Box dlibRect(FaceLandmarks68 landmarks) {
        List<Point> centers = landmarks.refPointsForAlignment();
        Point leftEye = centers.get(0);
        Point rightEye = centers.get(1);
        Point mouth = centers.get(2);
        double eyeToMouth = (mouth.sub(leftEye).magnitude() + mouth.sub(rightEye).magnitude()) / 2;
        double size = Math.floor(eyeToMouth / REL_SCALE);
        Point ref = Point.center(centers);
        double x = Math.floor(Math.max(0, ref.x() - REL_X * size));
        double y = Math.floor(Math.max(0, ref.y() - REL_Y * size));
        return new Box(x, y, Math.min(size, landmarks.cropWidth() + x), Math.min(size, landmarks.cropHeight() + y));
    }
}

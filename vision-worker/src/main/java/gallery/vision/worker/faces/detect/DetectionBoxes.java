package gallery.vision.worker.faces.detect;

import gallery.vision.worker.faces.geometry.Box;
import gallery.vision.worker.faces.geometry.Detection;

/**
 * The box rescale of face-api's {@code locateFaces}: an anchor's box, relative to the padded square input, is
 * clipped to 0..1 and stretched by {@code inputSize / reshaped side} (face-api rounds the reshaped sides), giving a
 * box relative to the image. Stateless and thread-safe.
 */
public final class DetectionBoxes {

    private DetectionBoxes() {
    }

    public static Detection detection(DetectorOutput output, int anchor, int inputSize, int imageWidth,
                                      int imageHeight) {
        double scale = (double) inputSize / Math.max(imageHeight, imageWidth);
        double padX = (double) inputSize / Math.round(imageWidth * scale);
        double padY = (double) inputSize / Math.round(imageHeight * scale);
        double top = Math.max(0, output.yMin(anchor)) * padY;
        double bottom = Math.min(1.0, output.yMax(anchor)) * padY;
        double left = Math.max(0, output.xMin(anchor)) * padX;
        double right = Math.min(1.0, output.xMax(anchor)) * padX;
        Box relative = new Box(left, top, right - left, bottom - top);
        if (relative.width() < 0 || relative.height() < 0) {
            // face-api's Rect refuses such a box and fails the whole request
            throw new IllegalStateException("detector box with negative size for anchor " + anchor);
        }
        return Detection.ofRelative(output.scores()[anchor], relative, imageWidth, imageHeight);
    }
}

package gallery.vision.worker.faces.geometry;

/**
 * A scored face box in an image of known size, as face-api's {@code FaceDetection}: built from a box relative to the
 * image (0..1), kept in pixels. Relative and pixel boxes convert through multiplications by the size and by its
 * reciprocal, exactly as face-api does, so a round trip reproduces face-api's rounding.
 *
 * @param score       detector confidence
 * @param box         the box in pixels
 * @param imageWidth  width of the image the box lies in
 * @param imageHeight its height
 */
public record Detection(double score, Box box, int imageWidth, int imageHeight) {

    /** A detection from a box relative to the image. */
    public static Detection ofRelative(double score, Box relativeBox, int imageWidth, int imageHeight) {
        return new Detection(score, relativeBox.rescale(imageWidth, imageHeight), imageWidth, imageHeight);
    }

    public Box relativeBox() {
        return box.rescale(1.0 / imageWidth, 1.0 / imageHeight);
    }

    /** The same relative box in an image of another size. */
    public Detection forSize(int width, int height) {
        return ofRelative(score, relativeBox(), width, height);
    }
}

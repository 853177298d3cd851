package gallery.vision.worker.faces.detect;

/**
 * face-api's {@code SsdMobilenetv1Options} as the seed sets them, plus the fixed IoU threshold of its
 * {@code locateFaces}.
 *
 * @param minConfidence scores must exceed this
 * @param maxResults    at most this many faces
 * @param iouThreshold  a candidate overlapping a kept face by more than this is dropped
 */
public record DetectionOptions(double minConfidence, int maxResults, double iouThreshold) {

    /** {@code new SsdMobilenetv1Options({ minConfidence: 0.1, maxResults: 10 })}. */
    public static final DetectionOptions SEED = new DetectionOptions(0.1, 10, 0.5);
}

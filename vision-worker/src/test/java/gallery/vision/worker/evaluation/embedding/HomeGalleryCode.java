package gallery.vision.worker.evaluation.embedding;

/**
 * Home Gallery's 2-bit similarity code (seed doc {@code home-gallery-client.md}): keep every third value (indices
 * 0, 3, 6, ...), divide by 2.875, clamp to [0, 1], take the square root, multiply by 3 and round. Each kept value
 * becomes 0, 1, 2 or 3. Home Gallery ranks similar photos by the cosine of these codes.
 */
public final class HomeGalleryCode {

    /** The raw value that maps to the top code before clamping. */
    public static final double RANGE = 2.875;

    private HomeGalleryCode() {
    }

    public static float[] encode(float[] embedding) {
        float[] codes = new float[(embedding.length + 2) / 3];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = code(embedding[i * 3]);
        }
        return codes;
    }

    /**
     * The code of one value: round(3 * sqrt(clamp(value / 2.875, 0, 1))), rounded as JavaScript's
     * {@code toFixed()} does (to the nearest integer, halves up, on the exact double).
     */
    public static int code(double value) {
        double scaled = Math.min(1, Math.max(0, value / RANGE));
        double x = Math.sqrt(scaled) * 3;
        double floor = Math.floor(x);
        return (int) (x - floor >= 0.5 ? floor + 1 : floor);
    }
}

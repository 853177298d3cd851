package gallery.vision.worker.image;

/**
 * Maps pixel values 0..255 linearly to the range a network was trained on ({@code value * scale + offset}), in place.
 * Immutable and thread-safe.
 *
 * @param scale  multiplier
 * @param offset added after scaling
 */
public record PixelScaling(float scale, float offset) {

    /** Values stay 0..255. */
    public static final PixelScaling RAW = new PixelScaling(1f, 0f);
    /** 0..1 ({@code x / 255}). */
    public static final PixelScaling UNIT = new PixelScaling(1f / 255f, 0f);
    /** -1..1 ({@code x / 127.5 - 1}). */
    public static final PixelScaling SIGNED_UNIT = new PixelScaling(1f / 127.5f, -1f);

    /** Scales every value of {@code values} and returns the same array. */
    public float[] apply(float[] values) {
        if (scale == 1f && offset == 0f) {
            return values;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * scale + offset;
        }
        return values;
    }
}

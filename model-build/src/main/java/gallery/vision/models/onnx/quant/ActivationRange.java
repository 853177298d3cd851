package gallery.vision.models.onnx.quant;

/**
 * The observed range of one float tensor over the calibration inputs, and the uint8 affine quantisation it gives
 * ({@code real = scale * (q - zeroPoint)}). The range is widened to include 0 so that 0 is exact (padding, ReLU).
 *
 * @param min smallest value seen
 * @param max largest value seen
 */
public record ActivationRange(float min, float max) {

    public ActivationRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
    }

    /** The union of this range and {@code other}. */
    public ActivationRange union(ActivationRange other) {
        return new ActivationRange(Math.min(min, other.min), Math.max(max, other.max));
    }

    /** True when the tensor is constant 0 (nothing to quantise with). */
    public boolean degenerate() {
        return Math.max(max, 0f) - Math.min(min, 0f) <= 0f;
    }

    /** {@code (max - min) / 255} over the range widened to include 0. */
    public float scale() {
        return (Math.max(max, 0f) - Math.min(min, 0f)) / 255f;
    }

    /** The uint8 code of 0, in 0..255. */
    public int zeroPoint() {
        return (int) Math.max(0, Math.min(255, Math.round(-Math.min(min, 0f) / scale())));
    }
}

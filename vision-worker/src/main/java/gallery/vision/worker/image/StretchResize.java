package gallery.vision.worker.image;

import java.nio.FloatBuffer;

import gallery.vision.common.image.RgbImage;

/**
 * TensorFlow's {@code tf.image.resizeBilinear(image, [height, width])} with its defaults ({@code alignCorners} and
 * {@code halfPixelCenters} false), applied to the whole image without keeping its aspect ratio: what human's object
 * detectors and MobileNet-style classifiers feed their networks. Output pixel {@code (c, r)} samples source position
 * {@code (c * inWidth / width, r * inHeight / height)}, interpolating the four neighbours (clamped at the last row and
 * column) along x, then y. Output: NHWC float32, values 0..255.
 *
 * <p>Immutable and thread-safe.
 *
 * @param width  output columns
 * @param height output rows
 */
public record StretchResize(int width, int height) {

    public StretchResize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("resize target must be at least 1x1, got " + width + "x" + height);
        }
    }

    /** The resized pixels, {@code height * width * 3} floats, row-major RGB. */
    public float[] apply(RgbImage image) {
        float[] out = new float[width * height * 3];
        apply(image, PixelScaling.RAW, FloatBuffer.wrap(out));
        return out;
    }

    /**
     * The resized pixels scaled by {@code scaling} (the same float operations as {@link #apply(RgbImage)} followed by
     * {@link PixelScaling#apply(float[])}), written from index 0 of {@code out}, e.g. a direct tensor buffer.
     */
    public FloatBuffer apply(RgbImage image, PixelScaling scaling, FloatBuffer out) {
        boolean raw = scaling.scale() == 1f && scaling.offset() == 0f;
        float scale = scaling.scale();
        float offset = scaling.offset();
        Axis cols = Axis.of(image.width(), width);
        Axis rows = Axis.of(image.height(), height);
        byte[] rgb = image.rgb();
        int stride = image.width() * 3;
        int o = 0;
        for (int r = 0; r < height; r++) {
            int top = rows.low[r] * stride;
            int bottom = rows.high[r] * stride;
            float fy = rows.fraction[r];
            for (int c = 0; c < width; c++) {
                int left = cols.low[c] * 3;
                int right = cols.high[c] * 3;
                float fx = cols.fraction[c];
                for (int ch = 0; ch < 3; ch++) {
                    float tl = rgb[top + left + ch] & 0xff;
                    float tr = rgb[top + right + ch] & 0xff;
                    float bl = rgb[bottom + left + ch] & 0xff;
                    float br = rgb[bottom + right + ch] & 0xff;
                    float upper = tl + (tr - tl) * fx;
                    float lower = bl + (br - bl) * fx;
                    float value = upper + (lower - upper) * fy;
                    out.put(o++, raw ? value : value * scale + offset);
                }
            }
        }
        return out;
    }

    /** Source indices and weights along one axis. */
    private record Axis(int[] low, int[] high, float[] fraction) {

        static Axis of(int in, int out) {
            double ratio = (double) in / out;
            int[] low = new int[out];
            int[] high = new int[out];
            float[] fraction = new float[out];
            for (int i = 0; i < out; i++) {
                double source = ratio * i;
                low[i] = Math.min(in - 1, (int) Math.floor(source));
                high[i] = Math.min(in - 1, low[i] + 1);
                fraction[i] = (float) (source - low[i]);
            }
            return new Axis(low, high, fraction);
        }
    }
}

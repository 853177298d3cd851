package gallery.vision.models.testing;

/**
 * The deterministic input the tfjs reference tool feeds ({@code tools/tfjs-reference/inputs.js}), computed the same
 * way: integer arithmetic for the level, one rounding to float32. For shape {@code [..., a, b, c]} and flat index
 * {@code i} with coordinates {@code (y, x, ch)} in the last three axes:
 * {@code level = (3x + 5y + 40ch + mix(i) % 24) % 256}, {@code value = low + level * (high - low) / 255}.
 */
public final class ParityInputs {

    private ParityInputs() {
    }

    public static float[] of(long[] shape, double low, double high) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int c = (int) shape[shape.length - 1], b = (int) shape[shape.length - 2], a = (int) shape[shape.length - 3];
        float[] out = new float[Math.toIntExact(n)];
        for (int i = 0; i < out.length; i++) {
            int ch = i % c;
            int x = (i / c) % b;
            int y = (i / (c * b)) % a;
            long level = (3L * x + 5L * y + 40L * ch + Integer.toUnsignedLong(mix(i)) % 24) % 256;
            out[i] = (float) (low + level * (high - low) / 255);
        }
        return out;
    }

    static int mix(int u) {
        int h = (u ^ (u >>> 16)) * 0x45d9f3b;
        return h ^ (h >>> 16);
    }
}

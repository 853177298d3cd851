package gallery.vision.worker.faces.image;

import java.nio.FloatBuffer;

/**
 * TensorFlow's {@code resizeBilinear} with {@code alignCorners = false} and {@code halfPixelCenters = false}, as
 * tfjs computes it: output pixel {@code r} samples source position {@code r * in / out}, interpolates the four
 * neighbours (clamped at the last row and column) first along x, then along y, in double precision, and stores a
 * float32. Input is a padded square {@link PixelRegion}; output is NHWC float32, values 0..255.
 *
 * <p>When the square already has the target size every sample hits a pixel exactly, which is what face-api's
 * skipping of the resize gives. Stateless and thread-safe.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    /** Resizes {@code region} to {@code size x size x 3} floats written to {@code out} from {@code outOffset}. */
    public static void resize(PixelRegion region, int size, float[] out, int outOffset) {
        resize(region, size, FloatBuffer.wrap(out), outOffset);
    }

    /**
     * Resizes {@code region} to {@code size x size x 3} floats written to {@code out} from index {@code outOffset}
     * (absolute puts: the buffer's position is not used), e.g. straight into a direct tensor buffer.
     */
    public static void resize(PixelRegion region, int size, FloatBuffer out, int outOffset) {
        int side = region.side();
        Samples cols = Samples.of(side, size);
        Samples rows = Samples.of(side, size);
        byte[] rgb = region.image().rgb();
        int o = outOffset;
        for (int r = 0; r < size; r++) {
            int row0 = rows.low[r];
            int row1 = rows.high[r];
            double fy = rows.fraction[r];
            for (int c = 0; c < size; c++) {
                int col0 = cols.low[c];
                int col1 = cols.high[c];
                double fx = cols.fraction[c];
                int topLeft = region.offset(col0, row0);
                int topRight = region.offset(col1, row0);
                int bottomLeft = region.offset(col0, row1);
                int bottomRight = region.offset(col1, row1);
                for (int ch = 0; ch < 3; ch++) {
                    double tl = value(rgb, topLeft, ch);
                    double tr = value(rgb, topRight, ch);
                    double bl = value(rgb, bottomLeft, ch);
                    double br = value(rgb, bottomRight, ch);
                    double top = tl + (tr - tl) * fx;
                    double bottom = bl + (br - bl) * fx;
                    out.put(o++, (float) (top + (bottom - top) * fy));
                }
            }
        }
    }

    private static double value(byte[] rgb, int offset, int channel) {
        return offset < 0 ? 0 : rgb[offset + channel] & 0xff;
    }

    /** Source indices and weights along one axis. */
    record Samples(int[] low, int[] high, double[] fraction) {

        static Samples of(int in, int out) {
            double ratio = (double) in / out;
            int[] low = new int[out];
            int[] high = new int[out];
            double[] fraction = new double[out];
            for (int i = 0; i < out; i++) {
                double source = ratio * i;
                low[i] = Math.max(0, (int) Math.floor(source));
                fraction[i] = source - low[i];
                high[i] = Math.min(in - 1, (int) Math.ceil(source));
            }
            return new Samples(low, high, fraction);
        }
    }
}

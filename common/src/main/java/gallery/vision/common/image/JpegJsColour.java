package gallery.vision.common.image;

/**
 * Upsampling and colour conversion as jpeg-js 0.4.4 does them for the original server's call ({@code decode(bytes,
 * {useTArray: true})}, RGBA output of which the server keeps R, G and B):
 * <ul>
 *   <li>upsampling is nearest-neighbour replication: output pixel (x, y) takes sample
 *       {@code floor(x * h / maxH)}, {@code floor(y * v / maxV)} of each component (double arithmetic);</li>
 *   <li>1 component: gray, copied to R, G and B;</li>
 *   <li>3 components: always YCbCr (JFIF), {@code R = Y + 1.402 (Cr - 128)},
 *       {@code G = Y - 0.3441363 (Cb - 128) - 0.71413636 (Cr - 128)}, {@code B = Y + 1.772 (Cb - 128)} in double,
 *       clamped to 0..255 and truncated;</li>
 *   <li>4 components (only with an Adobe marker): YCCK when the Adobe transform is non-zero (the YCbCr formula gives
 *       inverted C, M, Y; K is kept), CMYK otherwise; Adobe's inverted values are then turned into RGB by
 *       {@code 255 - clamp(c (1 - k / 255) + k)} with c and k the inverted values, truncated;</li>
 *   <li>2 components: refused, as jpeg-js refuses them.</li>
 * </ul>
 *
 * <p>Thread-safe: stateless apart from immutable lookup tables.
 */
final class JpegJsColour {

    private static final double[] CR_TO_R = new double[256];
    private static final double[] CB_TO_G = new double[256];
    private static final double[] CR_TO_G = new double[256];
    private static final double[] CB_TO_B = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            CR_TO_R[i] = 1.402 * (i - 128);
            CB_TO_G[i] = 0.3441363 * (i - 128);
            CR_TO_G[i] = 0.71413636 * (i - 128);
            CB_TO_B[i] = 1.772 * (i - 128);
        }
    }

    private JpegJsColour() {
    }

    /** Converts the component planes (from {@link JpegJsIdct}) of {@code frame} into RGB. */
    static RgbImage toRgb(JpegFrame frame, byte[][] planes, boolean adobe, int adobeTransform) {
        int width = frame.width;
        int height = frame.height;
        int n = planes.length;
        if (n != 1 && n != 3 && n != 4) {
            throw new IllegalStateException("unsupported colour mode (" + n + " components)");
        }
        if (n == 4 && !adobe) {
            throw new IllegalStateException("unsupported colour mode (4 components without an Adobe marker)");
        }
        int[][] columns = new int[n][];
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            JpegFrame.Component c = frame.components.get(i);
            columns[i] = sampleIndex(width, (double) c.h / frame.maxH);
            int stride = c.blocksPerLine * 8;
            int[] lines = sampleIndex(height, (double) c.v / frame.maxV);
            for (int y = 0; y < height; y++) {
                lines[y] *= stride;
            }
            rows[i] = lines;
        }
        byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        if (n == 1) {
            gray(planes[0], rows[0], columns[0], width, height, rgb);
        } else if (n == 3) {
            ycc(planes, rows, columns, width, height, rgb);
        } else {
            adobeFourChannel(planes, rows, columns, width, height, adobeTransform != 0, rgb);
        }
        return new RgbImage(width, height, rgb);
    }

    private static void gray(byte[] plane, int[] rows, int[] columns, int width, int height, byte[] rgb) {
        int out = 0;
        for (int y = 0; y < height; y++) {
            int line = rows[y];
            for (int x = 0; x < width; x++, out += 3) {
                byte value = plane[line + columns[x]];
                rgb[out] = value;
                rgb[out + 1] = value;
                rgb[out + 2] = value;
            }
        }
    }

    private static void ycc(byte[][] planes, int[][] rows, int[][] columns, int width, int height, byte[] rgb) {
        byte[] p1 = planes[0];
        byte[] p2 = planes[1];
        byte[] p3 = planes[2];
        int[] x1 = columns[0];
        int[] x2 = columns[1];
        int[] x3 = columns[2];
        int out = 0;
        for (int y = 0; y < height; y++) {
            int l1 = rows[0][y];
            int l2 = rows[1][y];
            int l3 = rows[2][y];
            for (int x = 0; x < width; x++, out += 3) {
                int luma = p1[l1 + x1[x]] & 0xff;
                int cb = p2[l2 + x2[x]] & 0xff;
                int cr = p3[l3 + x3[x]] & 0xff;
                rgb[out] = (byte) clampTruncate(luma + CR_TO_R[cr]);
                rgb[out + 1] = (byte) clampTruncate(luma - CB_TO_G[cb] - CR_TO_G[cr]);
                rgb[out + 2] = (byte) clampTruncate(luma + CB_TO_B[cb]);
            }
        }
    }

    private static void adobeFourChannel(byte[][] planes, int[][] rows, int[][] columns, int width, int height,
                                         boolean ycck, byte[] rgb) {
        int out = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, out += 3) {
                int c1 = planes[0][rows[0][y] + columns[0][x]] & 0xff;
                int c2 = planes[1][rows[1][y] + columns[1][x]] & 0xff;
                int c3 = planes[2][rows[2][y] + columns[2][x]] & 0xff;
                int k = 255 - (planes[3][rows[3][y] + columns[3][x]] & 0xff);
                int c;
                int m;
                int ye;
                if (ycck) {
                    // jpeg-js stores 255 - C with C = 255 - clamp(R'): the double round trip is kept, then truncated.
                    c = (int) (255 - (255 - clamp(c1 + CR_TO_R[c3])));
                    m = (int) (255 - (255 - clamp(c1 - CB_TO_G[c2] - CR_TO_G[c3])));
                    ye = (int) (255 - (255 - clamp(c1 + CB_TO_B[c2])));
                } else {
                    c = 255 - c1;
                    m = 255 - c2;
                    ye = 255 - c3;
                }
                rgb[out] = (byte) inkToRgb(c, k);
                rgb[out + 1] = (byte) inkToRgb(m, k);
                rgb[out + 2] = (byte) inkToRgb(ye, k);
            }
        }
    }

    /** jpeg-js's CMYK to RGB step on its (once more inverted) ink values; the result is truncated. */
    private static int inkToRgb(int ink, int k) {
        return (int) (255 - clamp(ink * (1 - k / 255.0) + k));
    }

    private static int[] sampleIndex(int size, double scale) {
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = (int) (i * scale);
        }
        return index;
    }

    private static double clamp(double value) {
        return value < 0 ? 0 : value > 255 ? 255 : value;
    }

    /** Clamps to 0..255 and truncates, as storing a double into a Uint8Array does for values in range. */
    private static int clampTruncate(double value) {
        return value < 0 ? 0 : value > 255 ? 255 : (int) value;
    }
}

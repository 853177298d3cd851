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
        int out = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, out += 3) {
                int c1 = planes[0][rows[0][y] + columns[0][x]] & 0xff;
                if (n == 1) {
                    rgb[out] = (byte) c1;
                    rgb[out + 1] = (byte) c1;
                    rgb[out + 2] = (byte) c1;
                    continue;
                }
                int c2 = planes[1][rows[1][y] + columns[1][x]] & 0xff;
                int c3 = planes[2][rows[2][y] + columns[2][x]] & 0xff;
                if (n == 3) {
                    rgb[out] = (byte) clampTruncate(c1 + CR_TO_R[c3]);
                    rgb[out + 1] = (byte) clampTruncate(c1 - CB_TO_G[c2] - CR_TO_G[c3]);
                    rgb[out + 2] = (byte) clampTruncate(c1 + CB_TO_B[c2]);
                } else {
                    int k = 255 - (planes[3][rows[3][y] + columns[3][x]] & 0xff);
                    int c;
                    int m;
                    int ye;
                    if (adobeTransform != 0) {
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
        return new RgbImage(width, height, rgb);
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

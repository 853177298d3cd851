package gallery.vision.common.image;

/**
 * Dequantization and the integer 8x8 inverse DCT that jpeg-js 0.4.4 uses (the Loeffler-Ligtenberg-Moschytz
 * factorisation with 11 multiplications, in fixed point with 12-bit constants: cos/sin of pi/16, 3pi/16, 6pi/16 and
 * sqrt 2), with the same rounding at every stage, the same shortcut for rows and columns without AC energy, and the
 * same final level shift and clamping. 32-bit wrap-around matches JavaScript's typed-array arithmetic.
 *
 * <p>Not thread-safe: owns its work buffer; use one instance per decode.
 */
final class JpegJsIdct {

    private static final int COS1 = 4017;
    private static final int SIN1 = 799;
    private static final int COS3 = 3406;
    private static final int SIN3 = 2276;
    private static final int COS6 = 1567;
    private static final int SIN6 = 3784;
    private static final int SQRT2 = 5793;
    private static final int HALF_SQRT2 = 2896;

    private final int[] p = new int[64];

    /**
     * Turns every pixel-carrying block of {@code c} into samples: a plane of {@code blocksPerLine * 8} by
     * {@code blocksPerColumn * 8} bytes.
     */
    byte[] samples(JpegFrame.Component c, int[] quantization) {
        int stride = c.blocksPerLine * 8;
        byte[] plane = new byte[stride * c.blocksPerColumn * 8];
        for (int blockRow = 0; blockRow < c.blocksPerColumn; blockRow++) {
            for (int blockColumn = 0; blockColumn < c.blocksPerLine; blockColumn++) {
                inverse(c.coefficients, c.blockOffset(blockRow, blockColumn), quantization);
                int out = blockRow * 8 * stride + blockColumn * 8;
                for (int i = 0; i < 64; i += 8, out += stride) {
                    for (int j = 0; j < 8; j++) {
                        int sample = 128 + ((p[i + j] + 8) >> 4);
                        plane[out + j] = (byte) (sample < 0 ? 0 : Math.min(sample, 255));
                    }
                }
            }
        }
        return plane;
    }

    private void inverse(short[] coefficients, int block, int[] quantization) {
        for (int i = 0; i < 64; i++) {
            p[i] = coefficients[block + i] * quantization[i];
        }
        for (int row = 0; row < 64; row += 8) {
            pass(row, 1, true);
        }
        for (int column = 0; column < 8; column++) {
            pass(column, 8, false);
        }
    }

    /** One 1-D pass over 8 values starting at {@code at}, {@code step} apart; rows and columns round differently. */
    private void pass(int at, int step, boolean row) {
        int[] p = this.p;
        int x0 = p[at];
        int x1 = p[at + step];
        int x2 = p[at + 2 * step];
        int x3 = p[at + 3 * step];
        int x4 = p[at + 4 * step];
        int x5 = p[at + 5 * step];
        int x6 = p[at + 6 * step];
        int x7 = p[at + 7 * step];
        if (x1 == 0 && x2 == 0 && x3 == 0 && x4 == 0 && x5 == 0 && x6 == 0 && x7 == 0) {
            int t = row ? (SQRT2 * x0 + 512) >> 10 : (SQRT2 * x0 + 8192) >> 14;
            for (int i = 0; i < 8; i++) {
                p[at + i * step] = t;
            }
            return;
        }
        int v0;
        int v1;
        int v4;
        int v7;
        int v5;
        int v6;
        if (row) {
            v0 = (SQRT2 * x0 + 128) >> 8;
            v1 = (SQRT2 * x4 + 128) >> 8;
            v4 = (HALF_SQRT2 * (x1 - x7) + 128) >> 8;
            v7 = (HALF_SQRT2 * (x1 + x7) + 128) >> 8;
            v5 = x3 << 4;
            v6 = x5 << 4;
        } else {
            v0 = (SQRT2 * x0 + 2048) >> 12;
            v1 = (SQRT2 * x4 + 2048) >> 12;
            v4 = (HALF_SQRT2 * (x1 - x7) + 2048) >> 12;
            v7 = (HALF_SQRT2 * (x1 + x7) + 2048) >> 12;
            v5 = x3;
            v6 = x5;
        }
        int v2 = x2;
        int v3 = x6;
        int rounding = row ? 128 : 2048;
        int scale = row ? 8 : 12;
        // stage 3
        int t = (v0 - v1 + 1) >> 1;
        v0 = (v0 + v1 + 1) >> 1;
        v1 = t;
        t = (v2 * SIN6 + v3 * COS6 + rounding) >> scale;
        v2 = (v2 * COS6 - v3 * SIN6 + rounding) >> scale;
        v3 = t;
        t = (v4 - v6 + 1) >> 1;
        v4 = (v4 + v6 + 1) >> 1;
        v6 = t;
        t = (v7 + v5 + 1) >> 1;
        v5 = (v7 - v5 + 1) >> 1;
        v7 = t;
        // stage 2
        t = (v0 - v3 + 1) >> 1;
        v0 = (v0 + v3 + 1) >> 1;
        v3 = t;
        t = (v1 - v2 + 1) >> 1;
        v1 = (v1 + v2 + 1) >> 1;
        v2 = t;
        t = (v4 * SIN3 + v7 * COS3 + 2048) >> 12;
        v4 = (v4 * COS3 - v7 * SIN3 + 2048) >> 12;
        v7 = t;
        t = (v5 * SIN1 + v6 * COS1 + 2048) >> 12;
        v5 = (v5 * COS1 - v6 * SIN1 + 2048) >> 12;
        v6 = t;
        // stage 1
        p[at] = v0 + v7;
        p[at + 7 * step] = v0 - v7;
        p[at + step] = v1 + v6;
        p[at + 6 * step] = v1 - v6;
        p[at + 2 * step] = v2 + v5;
        p[at + 5 * step] = v2 - v5;
        p[at + 3 * step] = v3 + v4;
        p[at + 4 * step] = v3 - v4;
    }
}

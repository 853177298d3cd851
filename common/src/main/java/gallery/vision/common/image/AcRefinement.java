package gallery.vision.common.image;

/**
 * Progressive AC successive-approximation refinement (ITU T.81 G.1.2.3): each coded symbol places one new
 * coefficient of magnitude {@code 1 << shift} after a run of zero coefficients, while every already non-zero
 * coefficient passed on the way receives one correction bit; end-of-band runs refine only the non-zero ones.
 * The run state carries over from block to block within a restart interval, as in jpeg-js 0.4.4.
 *
 * <p>Not thread-safe: one instance per scan.
 */
final class AcRefinement {

    private static final int NEXT_SYMBOL = 0;
    private static final int SKIP_ZEROS = 1;
    private static final int SKIP_ZEROS_THEN_SET = 2;
    private static final int SET_NEXT_ZERO = 3;
    private static final int END_OF_BAND = 4;

    private final ScanBits bits;
    private final int start;
    private final int end;
    private final int shift;
    private int state;
    private int zerosToSkip;
    private int newValue;
    private int endOfBandRun;

    AcRefinement(ScanBits bits, int start, int end, int shift) {
        this.bits = bits;
        this.start = start;
        this.end = end;
        this.shift = shift;
    }

    /** At a restart marker: no run is pending. */
    void reset() {
        state = NEXT_SYMBOL;
        endOfBandRun = 0;
    }

    void refine(HuffmanTable table, short[] coefficients, int block) {
        int k = start;
        while (k <= end) {
            int index = block + ScanDecoder.ZIGZAG[k];
            int current = coefficients[index];
            if (state == NEXT_SYMBOL) {
                int rs = table.decode(bits);
                int s = rs & 15;
                int r = rs >> 4;
                if (s == 0) {
                    if (r < 15) {
                        endOfBandRun = ScanDecoder.receive(bits, r) + (1 << r);
                        state = END_OF_BAND;
                    } else {
                        zerosToSkip = 16;
                        state = SKIP_ZEROS;
                    }
                } else {
                    if (s != 1) {
                        throw new IllegalStateException("invalid AC refinement code");
                    }
                    newValue = ScanDecoder.extend(bits.bits(1), 1);
                    zerosToSkip = r;
                    state = r != 0 ? SKIP_ZEROS_THEN_SET : SET_NEXT_ZERO;
                }
                continue;
            }
            if (current != 0) {
                int correction = bits.bit() << shift;
                coefficients[index] = (short) (current + (current < 0 ? -correction : correction));
            } else if (state == SKIP_ZEROS || state == SKIP_ZEROS_THEN_SET) {
                zerosToSkip--;
                if (zerosToSkip == 0) {
                    state = state == SKIP_ZEROS_THEN_SET ? SET_NEXT_ZERO : NEXT_SYMBOL;
                }
            } else if (state == SET_NEXT_ZERO) {
                coefficients[index] = (short) (newValue << shift);
                state = NEXT_SYMBOL;
            }
            k++;
        }
        if (state == END_OF_BAND) {
            endOfBandRun--;
            if (endOfBandRun == 0) {
                state = NEXT_SYMBOL;
            }
        }
    }
}

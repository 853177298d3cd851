package gallery.vision.common.image;

import java.util.List;

/**
 * Decodes one scan's entropy-coded data into the frame's coefficient storage (ITU T.81 Annex F and G): baseline
 * blocks, and the four progressive passes (DC first, DC refinement, AC first with end-of-band runs, AC refinement).
 * MCUs are visited as jpeg-js 0.4.4 visits them: interleaved scans by MCU, single-component scans block by block
 * over {@code blocksPerLine x blocksPerColumn}; predictors and end-of-band runs reset at every restart marker.
 *
 * <p>Not thread-safe: one instance per scan.
 */
final class ScanDecoder {

    /** Zig-zag position -> natural (row-major) index within a block. */
    static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private static final int BASELINE = 0;
    private static final int DC_FIRST = 1;
    private static final int DC_REFINE = 2;
    private static final int AC_FIRST = 3;
    private static final int AC_REFINE = 4;

    private final JpegFrame frame;
    private final List<JpegFrame.Component> components;
    private final int spectralStart;
    private final int spectralEnd;
    private final int shift;
    private final int pass;
    private final ScanBits bits;
    private final AcRefinement refinement;
    private int endOfBandRun;

    ScanDecoder(JpegFrame frame, List<JpegFrame.Component> components, int spectralStart, int spectralEnd,
                int approximationHigh, int approximationLow, byte[] data, int offset) {
        this.frame = frame;
        this.components = components;
        this.spectralStart = spectralStart;
        this.spectralEnd = spectralEnd;
        this.shift = approximationLow;
        if (!frame.progressive) {
            pass = BASELINE;
        } else if (spectralStart == 0) {
            pass = approximationHigh == 0 ? DC_FIRST : DC_REFINE;
        } else {
            pass = approximationHigh == 0 ? AC_FIRST : AC_REFINE;
            if (spectralEnd > 63 || spectralStart > spectralEnd) {
                throw new IllegalStateException("scan has an invalid spectral selection");
            }
        }
        for (JpegFrame.Component c : components) {
            boolean needsDc = pass == BASELINE || pass == DC_FIRST;
            boolean needsAc = pass == BASELINE || pass == AC_FIRST || pass == AC_REFINE;
            if ((needsDc && c.dcTable == null) || (needsAc && c.acTable == null)) {
                throw new IllegalStateException("scan uses an undefined Huffman table");
            }
        }
        this.bits = new ScanBits(data, offset);
        this.refinement = pass == AC_REFINE ? new AcRefinement(bits, spectralStart, spectralEnd, shift) : null;
    }

    /** Decodes the scan and returns the offset of the marker that follows it. */
    int decode(byte[] data, int restartInterval) {
        boolean single = components.size() == 1;
        JpegFrame.Component first = components.get(0);
        int expected = single ? first.blocksPerLine * first.blocksPerColumn : frame.mcusPerLine * frame.mcusPerColumn;
        int interval = restartInterval > 0 ? restartInterval : expected;
        int mcu = 0;
        while (true) {
            for (JpegFrame.Component c : components) {
                c.prediction = 0;
            }
            endOfBandRun = 0;
            if (refinement != null) {
                refinement.reset();
            }
            int end = Math.min(expected, mcu + interval);
            for (; mcu < end; mcu++) {
                if (single) {
                    decodeBlock(first, first.blockOffset(mcu / first.blocksPerLine, mcu % first.blocksPerLine));
                } else {
                    decodeMcu(mcu);
                }
                if (bits.overran()) {
                    throw new IllegalStateException("entropy-coded data ends before the scan does");
                }
            }
            int offset = bits.alignToMarker(mcu < expected);
            if (mcu == expected) {
                offset = skipToMarker(data, offset);
            }
            int marker = u16(data, offset);
            if (marker < 0xFF00) {
                throw new IllegalStateException("marker was not found after the scan");
            }
            if (marker < 0xFFD0 || marker > 0xFFD7) {
                return offset;
            }
            offset += 2;
            if (mcu == expected) {
                return offset;
            }
            bits.restartAt(offset);
        }
    }

    private void decodeMcu(int mcu) {
        int mcuRow = mcu / frame.mcusPerLine;
        int mcuColumn = mcu % frame.mcusPerLine;
        for (JpegFrame.Component c : components) {
            for (int row = 0; row < c.v; row++) {
                for (int column = 0; column < c.h; column++) {
                    decodeBlock(c, c.blockOffset(mcuRow * c.v + row, mcuColumn * c.h + column));
                }
            }
        }
    }

    private void decodeBlock(JpegFrame.Component c, int block) {
        short[] coefficients = c.coefficients;
        switch (pass) {
            case BASELINE -> baseline(c, coefficients, block);
            case DC_FIRST -> {
                int t = c.dcTable.decode(bits);
                int diff = t == 0 ? 0 : extend(t) << shift;
                c.prediction += diff;
                coefficients[block] = (short) c.prediction;
            }
            case DC_REFINE -> coefficients[block] = (short) (coefficients[block] | (bits.bit() << shift));
            case AC_FIRST -> acFirst(c, coefficients, block);
            default -> refinement.refine(c.acTable, coefficients, block);
        }
    }

    private void baseline(JpegFrame.Component c, short[] coefficients, int block) {
        int t = c.dcTable.decode(bits);
        int diff = t == 0 ? 0 : extend(t);
        c.prediction += diff;
        coefficients[block] = (short) c.prediction;
        HuffmanTable ac = c.acTable;
        int k = 1;
        while (k < 64) {
            int rs = ac.decode(bits);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r < 15) {
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            int value = extend(s);
            if (k < 64) {
                coefficients[block + ZIGZAG[k]] = (short) value;
            }
            k++;
        }
    }

    private void acFirst(JpegFrame.Component c, short[] coefficients, int block) {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        int k = spectralStart;
        while (k <= spectralEnd) {
            int rs = c.acTable.decode(bits);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r < 15) {
                    endOfBandRun = receive(bits, r) + (1 << r) - 1;
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            int value = extend(s) * (1 << shift);
            if (k < 64) {
                coefficients[block + ZIGZAG[k]] = (short) value;
            }
            k++;
        }
    }

    private int extend(int length) {
        return extend(receive(bits, length), length);
    }

    /** {@code length} bits as an unsigned number; lengths over 16 (only in damaged data) wrap as 32-bit ints. */
    static int receive(ScanBits bits, int length) {
        if (length <= 16) {
            return bits.bits(length);
        }
        int n = 0;
        for (int i = 0; i < length; i++) {
            n = (n << 1) | bits.bit();
        }
        return n;
    }

    /** T.81 F.2.2.1 EXTEND: a {@code length}-bit magnitude category value to its signed value. */
    static int extend(int value, int length) {
        return value >= 1 << (length - 1) ? value : value + (-1 << length) + 1;
    }

    private static int u16(byte[] data, int offset) {
        return (u8(data, offset) << 8) | u8(data, offset + 1);
    }

    private static int u8(byte[] data, int offset) {
        return offset >= 0 && offset < data.length ? data[offset] & 0xff : 0;
    }

    /** After the last MCU: skips any bytes up to the next marker (0xFF not followed by a stuffed zero). */
    private static int skipToMarker(byte[] data, int offset) {
        do {
            if (u8(data, offset) == 0xFF && u8(data, offset + 1) != 0) {
                break;
            }
            offset++;
        } while (offset < data.length - 2);
        return offset;
    }
}

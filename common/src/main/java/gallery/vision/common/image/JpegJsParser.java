package gallery.vision.common.image;

import gallery.vision.common.ApiError;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a JPEG's markers (ITU T.81 Annex B) the way jpeg-js 0.4.4 does: quantization and Huffman tables, the one
 * frame header (SOF0, SOF1 or SOF2), restart intervals, the Adobe APP14 segment, and every scan, until EOI. Bytes
 * past the end read as zero, so a file that stops early ends in an unknown marker and is refused. The frame size is
 * checked against the pixel limit before any coefficient storage is allocated.
 *
 * <p>Not thread-safe: one instance per decode.
 */
final class JpegJsParser {

    /**
     * Most scans a file may have. Every scan visits all blocks of its components even when its data is a few bytes
     * (end-of-band runs, refinement bits of zero coefficients), so without a limit a 2 MB body of tiny scans over a
     * large frame keeps a core busy for minutes. Encoders write about 10 (libjpeg's progressive script); 500 is the
     * limit libjpeg-turbo's fuzzers use.
     */
    static final int MAX_SCANS = 500;

    private final byte[] data;
    private final long maxPixels;
    private final int[][] quantization = new int[16][];
    private final HuffmanTable[] dcTables = new HuffmanTable[16];
    private final HuffmanTable[] acTables = new HuffmanTable[16];
    private int offset;
    private int restartInterval;
    private int scans;
    private JpegFrame frame;
    private boolean adobe;
    private int adobeTransform;

    JpegJsParser(byte[] data, long maxPixels) {
        this.data = data;
        this.maxPixels = maxPixels;
    }

    /** Reads markers up to the frame header and returns the checked size. */
    ImageSize readSize() {
        return readHeader().size();
    }

    /** Reads markers up to the frame header (size checked) and returns the frame, without coefficient storage. */
    JpegFrame readHeader() {
        run(true);
        return frame;
    }

    /** Reads the whole file, decoding every scan into the frame's coefficients. */
    JpegFrame parse() {
        run(false);
        return frame;
    }

    boolean adobe() {
        return adobe;
    }

    int adobeTransform() {
        return adobeTransform;
    }

    /** The quantization table (natural order) a component refers to; a missing table reads as zeros. */
    int[] quantization(JpegFrame.Component c) {
        int[] table = c.quantizationTable < 16 ? quantization[c.quantizationTable] : null;
        return table != null ? table : new int[64];
    }

    private void run(boolean headerOnly) {
        offset = 0;
        if (u16() != 0xFFD8) {
            throw new IllegalStateException("SOI not found");
        }
        boolean malformedSeen = false;
        int marker = u16();
        while (marker != 0xFFD9) {
            if (marker >= 0xFFE0 && marker <= 0xFFEF || marker == 0xFFFE) {
                application(marker);
            } else if (marker == 0xFFDB) {
                quantizationTables();
            } else if (marker == 0xFFC0 || marker == 0xFFC1 || marker == 0xFFC2) {
                frameHeader(marker == 0xFFC2);
                if (headerOnly) {
                    return;
                }
            } else if (marker == 0xFFC4) {
                huffmanTables();
            } else if (marker == 0xFFDD) {
                u16();
                restartInterval = u16();
            } else if (marker == 0xFFDC) {
                offset += 4;
            } else if (marker == 0xFFDA) {
                scan();
            } else if (marker == 0xFFFF) {
                if (u8(offset) != 0xFF) {
                    offset--;
                }
            } else if (marker != 0xFF00) {
                if (u8(offset - 3) == 0xFF && u8(offset - 2) >= 0xC0 && u8(offset - 2) <= 0xFE) {
                    offset -= 3; // a marker's 0xFF eaten by the previous segment's length: step back onto it
                } else if ((marker == 0xE0 || marker == 0xE1) && !malformedSeen) {
                    malformedSeen = true; // some phones write APP0/APP1 without the 0xFF; skip it once if it ends at a marker
                    int length = u16();
                    if (u8(offset + length - 2) != 0xFF) {
                        throw unknown(marker);
                    }
                    offset += length - 2;
                } else {
                    throw unknown(marker);
                }
            }
            marker = u16();
        }
        if (frame == null) {
            throw new IllegalStateException("no frame header (SOF0, SOF1 or SOF2)");
        }
    }

    private IllegalStateException unknown(int marker) {
        if (marker >= 0xFFC3 && marker <= 0xFFCF) {
            return new IllegalStateException(String.format("unsupported JPEG coding (marker %X)", marker));
        }
        return new IllegalStateException(offset > data.length
                ? "file ends before the image does" : String.format("unknown JPEG marker %X", marker));
    }

    private void application(int marker) {
        int length = u16();
        int start = offset;
        int available = Math.max(0, Math.min(offset + length - 2, data.length) - offset);
        offset += available;
        if (marker == 0xFFEE && available >= 6 && u8(start) == 'A' && u8(start + 1) == 'd' && u8(start + 2) == 'o'
                && u8(start + 3) == 'b' && u8(start + 4) == 'e' && u8(start + 5) == 0) {
            adobe = true;
            adobeTransform = available > 11 ? u8(start + 11) : 0;
        }
    }

    private void quantizationTables() {
        int end = u16() + offset - 2;
        while (offset < end) {
            int spec = u8(offset++);
            int[] table = new int[64];
            if (spec >> 4 == 0) {
                for (int j = 0; j < 64; j++) {
                    table[ScanDecoder.ZIGZAG[j]] = u8(offset++);
                }
            } else if (spec >> 4 == 1) {
                for (int j = 0; j < 64; j++) {
                    table[ScanDecoder.ZIGZAG[j]] = u16();
                }
            } else {
                throw new IllegalStateException("invalid quantization table precision");
            }
            quantization[spec & 15] = table;
        }
    }

    private void frameHeader(boolean progressive) {
        if (frame != null) {
            throw new IllegalStateException("only single frame JPEGs are supported");
        }
        u16();
        int precision = u8(offset++);
        int height = u16();
        int width = u16();
        if (width <= 0 || height <= 0) {
            throw ApiError.UNDECODABLE_IMAGE.exception("frame header declares an empty image");
        }
        if ((long) width * height > maxPixels) {
            throw ApiError.TOO_MANY_PIXELS.exception(width, height, maxPixels);
        }
        if (precision != 8) {
            throw new IllegalStateException(precision + "-bit samples are not supported");
        }
        int count = u8(offset++);
        if (count != 1 && count != 3 && count != 4) {
            // Refused before anything is stored: the colour step decodes only these, and each component costs
            // coefficient storage of up to two bytes per pixel (255 components of a large frame exhaust the heap).
            throw new IllegalStateException("unsupported colour mode (" + count + " components)");
        }
        List<JpegFrame.Component> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = u8(offset);
            int h = u8(offset + 1) >> 4;
            int v = u8(offset + 1) & 15;
            int table = u8(offset + 2);
            offset += 3;
            if (h <= 0 || v <= 0) {
                throw new IllegalStateException("invalid sampling factor, expected values above 0");
            }
            for (JpegFrame.Component other : components) {
                if (other.id == id) {
                    throw new IllegalStateException("frame declares component " + id + " twice");
                }
            }
            components.add(new JpegFrame.Component(id, h, v, table));
        }
        frame = new JpegFrame(width, height, progressive, components);
    }

    private void huffmanTables() {
        int length = u16();
        for (int i = 2; i < length; ) {
            int spec = u8(offset++);
            int[] counts = new int[16];
            int total = 0;
            for (int j = 0; j < 16; j++) {
                counts[j] = u8(offset++);
                total += counts[j];
            }
            int[] values = new int[total];
            for (int j = 0; j < total; j++) {
                values[j] = u8(offset++);
            }
            i += 17 + total;
            (spec >> 4 == 0 ? dcTables : acTables)[spec & 15] = new HuffmanTable(counts, values);
        }
    }

    private void scan() {
        if (frame == null) {
            throw new IllegalStateException("scan before the frame header");
        }
        if (++scans > MAX_SCANS) {
            throw new IllegalStateException("more than " + MAX_SCANS + " scans");
        }
        if (frame.components.get(0).coefficients == null) {
            frame.allocate();
        }
        u16();
        int count = u8(offset++);
        List<JpegFrame.Component> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JpegFrame.Component c = frame.component(u8(offset++));
            int tables = u8(offset++);
            c.dcTable = dcTables[tables >> 4];
            c.acTable = acTables[tables & 15];
            components.add(c);
        }
        if (components.isEmpty()) {
            throw new IllegalStateException("scan has no components");
        }
        int spectralStart = u8(offset++);
        int spectralEnd = u8(offset++);
        int approximation = u8(offset++);
        offset = new ScanDecoder(frame, components, spectralStart, spectralEnd, approximation >> 4,
                approximation & 15, data, offset).decode(data, restartInterval);
    }

    private int u16() {
        int value = (u8(offset) << 8) | u8(offset + 1);
        offset += 2;
        return value;
    }

    private int u8(int at) {
        return at >= 0 && at < data.length ? data[at] & 0xff : 0;
    }
}

package gallery.vision.common.image;

/**
 * One canonical Huffman table of a JPEG (ITU T.81 Annex C), decoded with a 9-bit lookup for the common short codes
 * and the per-length {@code maxcode} comparison of Annex F.2.2.3 for the rest. A bit sequence that is no code (the
 * reserved all-ones codes, or a table with missing lengths) is an error, as it is for jpeg-js.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class HuffmanTable {

    static final int LOOKUP_BITS = 9;

    /** (code length << 8) | value for every 9-bit prefix whose code is at most 9 bits long; 0 otherwise. */
    private final int[] lookup = new int[1 << LOOKUP_BITS];
    /** Largest code of each length 1..16, or -1 when there is none. */
    private final int[] maxCode = new int[18];
    /** Index into {@link #values} of the first code of each length, minus that code. */
    private final int[] valueOffset = new int[17];
    private final int[] values;

    /**
     * @param counts number of codes of each length 1..16 ({@code counts[0]} is length 1)
     * @param values the symbols in code order
     */
    HuffmanTable(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            int count = counts[length - 1];
            valueOffset[length] = index - code;
            if (count > 0) {
                if (code + count > (1 << length)) {
                    throw new IllegalArgumentException("Huffman table has more codes than bits allow");
                }
                for (int i = 0; i < count; i++, code++, index++) {
                    if (length <= LOOKUP_BITS) {
                        int shift = LOOKUP_BITS - length;
                        int first = code << shift;
                        for (int fill = 0; fill < 1 << shift; fill++) {
                            lookup[first + fill] = (length << 8) | values[index];
                        }
                    }
                }
                maxCode[length] = code - 1;
            } else {
                maxCode[length] = -1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /** Reads one code from {@code bits} and returns its symbol. */
    int decode(ScanBits bits) {
        int peek = bits.peek16();
        int entry = lookup[peek >>> (16 - LOOKUP_BITS)];
        if (entry != 0) {
            bits.skip(entry >>> 8);
            return entry & 0xff;
        }
        for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
            int code = peek >>> (16 - length);
            if (code <= maxCode[length]) {
                bits.skip(length);
                return values[valueOffset[length] + code];
            }
        }
        throw new IllegalStateException("invalid Huffman sequence");
    }
}

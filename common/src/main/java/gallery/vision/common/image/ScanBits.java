package gallery.vision.common.image;

/**
 * The entropy-coded bits of one scan (ITU T.81 F.2.2.5): reads MSB first, drops the stuffed zero after every 0xFF
 * data byte, and stops at the next marker. Bits wanted past a marker or past the end of the file read as zeros and
 * are remembered, so the scan can be rejected as truncated or damaged, as jpeg-js rejects it.
 *
 * <p>Not thread-safe: one instance per scan.
 */
final class ScanBits {

    private final byte[] data;
    private int position;
    private long buffer;
    private int count;
    /** Zero bits appended after a marker or the end of the data; consuming any of them is an over-read. */
    private int paddingBits;

    ScanBits(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    private void fill() {
        while (count <= 56) {
            int value = 0;
            boolean real = false;
            if (paddingBits == 0 && position < data.length) {
                value = data[position] & 0xff;
                if (value != 0xFF) {
                    position++;
                    real = true;
                } else if (position + 1 < data.length && data[position + 1] == 0) {
                    position += 2;
                    real = true;
                } else {
                    value = 0;
                }
            }
            buffer = (buffer << 8) | value;
            count += 8;
            if (!real) {
                paddingBits += 8;
            }
        }
    }

    int bit() {
        if (count < 1) {
            fill();
        }
        count--;
        return (int) (buffer >>> count) & 1;
    }

    /** {@code length} bits (0..31) as an unsigned number. */
    int bits(int length) {
        if (length == 0) {
            return 0;
        }
        if (count < length) {
            fill();
        }
        count -= length;
        return (int) (buffer >>> count) & ((1 << length) - 1);
    }

    /** The next 16 bits without consuming them. */
    int peek16() {
        if (count < 16) {
            fill();
        }
        return (int) (buffer >>> (count - 16)) & 0xffff;
    }

    void skip(int length) {
        count -= length;
    }

    /** Whether bits beyond a marker or the end of the data were consumed. */
    boolean overran() {
        return count < paddingBits;
    }

    /**
     * Ends the current restart interval or scan: drops the rest of the current byte and returns the offset of the
     * next unread byte. Fails when the scan consumed bits it did not have, or, with {@code atMarker}, when whole data
     * bytes are left unread before the marker that must follow.
     */
    int alignToMarker(boolean atMarker) {
        if (overran()) {
            throw new IllegalStateException("entropy-coded data ends before the scan does");
        }
        if (atMarker && count - paddingBits >= 8) {
            throw new IllegalStateException("marker was not found after a restart interval");
        }
        buffer = 0;
        count = 0;
        paddingBits = 0;
        return position;
    }

    /** Continues reading after the restart marker at {@code offset}. */
    void restartAt(int offset) {
        position = offset;
        buffer = 0;
        count = 0;
        paddingBits = 0;
    }

    /** Offset of the next byte not yet taken into the bit buffer. */
    int position() {
        return position;
    }
}

package gallery.vision.common.image;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A well-formed JPEG split into its marker segments, for building damaged variants in tests: every segment up to
 * and including each SOS header is kept with its payload; entropy-coded data (with any restart markers in it) is
 * kept as raw bytes attached to the SOS segment before it. Joining the segments again gives the original bytes.
 *
 * <p>Immutable; thread-safe.
 */
record JpegSegments(List<Segment> segments) {

    /** One marker segment: the marker byte (after 0xFF), its payload (without the length field) and, after an SOS,
     *  the entropy-coded data up to the next marker that is not a restart marker. */
    record Segment(int marker, byte[] payload, byte[] entropyCoded) {

        boolean hasLength() {
            return marker != 0xD8 && marker != 0xD9 && (marker < 0xD0 || marker > 0xD7) && marker != 0x01;
        }

        Segment withPayload(byte[] newPayload) {
            return new Segment(marker, newPayload, entropyCoded);
        }

        Segment withEntropyCoded(byte[] data) {
            return new Segment(marker, payload, data);
        }
    }

    static JpegSegments split(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i + 1 < jpeg.length) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                throw new IllegalArgumentException("not at a marker at offset " + i);
            }
            int marker = jpeg[i + 1] & 0xff;
            i += 2;
            Segment bare = new Segment(marker, new byte[0], new byte[0]);
            if (!bare.hasLength()) {
                segments.add(bare);
                continue;
            }
            int length = ((jpeg[i] & 0xff) << 8) | (jpeg[i + 1] & 0xff);
            byte[] payload = Arrays.copyOfRange(jpeg, i + 2, i + length);
            i += length;
            byte[] data = new byte[0];
            if (marker == 0xDA) {
                int end = endOfEntropyCoded(jpeg, i);
                data = Arrays.copyOfRange(jpeg, i, end);
                i = end;
            }
            segments.add(new Segment(marker, payload, data));
        }
        return new JpegSegments(List.copyOf(segments));
    }

    private static int endOfEntropyCoded(byte[] jpeg, int from) {
        int i = from;
        while (i + 1 < jpeg.length) {
            int next = jpeg[i + 1] & 0xff;
            if ((jpeg[i] & 0xff) == 0xFF && next != 0 && (next < 0xD0 || next > 0xD7)) {
                return i;
            }
            i++;
        }
        return jpeg.length;
    }

    byte[] join() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment s : segments) {
            out.write(0xFF);
            out.write(s.marker());
            if (s.hasLength()) {
                int length = s.payload().length + 2;
                out.write(length >> 8);
                out.write(length);
                out.writeBytes(s.payload());
            }
            out.writeBytes(s.entropyCoded());
        }
        return out.toByteArray();
    }

    /** Offset of segment {@code index}'s marker in {@link #join()}'s bytes. */
    int offsetOf(int index) {
        int offset = 0;
        for (int i = 0; i < index; i++) {
            Segment s = segments.get(i);
            offset += 2 + (s.hasLength() ? 2 + s.payload().length : 0) + s.entropyCoded().length;
        }
        return offset;
    }

    /** The joined bytes with segment {@code index}'s length field off by {@code delta}. */
    byte[] withLengthOff(int index, int delta) {
        byte[] bytes = join();
        int at = offsetOf(index) + 2;
        int length = ((bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff)) + delta;
        bytes[at] = (byte) (length >> 8);
        bytes[at + 1] = (byte) length;
        return bytes;
    }

    /** Index of the first segment with this marker; fails when there is none. */
    int first(int marker) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).marker() == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.format("no segment with marker %02X", marker));
    }

    /** The first frame header (SOF0, SOF1 or SOF2). */
    int frameHeader() {
        for (int i = 0; i < segments.size(); i++) {
            int marker = segments.get(i).marker();
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                return i;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }

    JpegSegments replace(int index, UnaryOperator<Segment> change) {
        List<Segment> copy = new ArrayList<>(segments);
        copy.set(index, change.apply(copy.get(index)));
        return new JpegSegments(copy);
    }

    JpegSegments insert(int index, Segment segment) {
        List<Segment> copy = new ArrayList<>(segments);
        copy.add(index, segment);
        return new JpegSegments(copy);
    }

    JpegSegments remove(int index) {
        List<Segment> copy = new ArrayList<>(segments);
        copy.remove(index);
        return new JpegSegments(copy);
    }

    /** The payload of segment {@code index} with byte {@code at} set to {@code value}. */
    JpegSegments patch(int index, int at, int value) {
        return replace(index, s -> {
            byte[] payload = s.payload().clone();
            payload[at] = (byte) value;
            return s.withPayload(payload);
        });
    }
}

package gallery.vision.common.testing;

import java.nio.charset.StandardCharsets;

/**
 * Makes a JPEG's bytes distinct without touching its pixels, for benchmarks that must never be answered from the
 * store: a COM segment holding the given text is inserted right after SOI, so the sha1 changes and the decoded image
 * does not.
 */
public final class JpegComments {

    private JpegComments() {
    }

    /** The JPEG with a COM segment holding {@code text} (ASCII, under 64 KiB) right after SOI. */
    public static byte[] withComment(byte[] jpeg, String text) {
        byte[] comment = text.getBytes(StandardCharsets.US_ASCII);
        int length = comment.length + 2;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("comment too long for one COM segment: " + comment.length + " bytes");
        }
        byte[] out = new byte[jpeg.length + 2 + length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(comment, 0, out, 6, comment.length);
        System.arraycopy(jpeg, 2, out, 4 + length, jpeg.length - 2);
        return out;
    }
}

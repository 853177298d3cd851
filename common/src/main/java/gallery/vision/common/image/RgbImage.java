package gallery.vision.common.image;

import java.util.Objects;

/**
 * Decoded pixels, 8-bit RGB interleaved, row by row from the top-left corner: the input every analyzer takes.
 *
 * @param width  pixels per row
 * @param height rows
 * @param rgb    {@code width * height * 3} bytes, R G B per pixel; owned by this record, not copied
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0 || rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("need " + width + "x" + height + "x3 bytes, got " + rgb.length);
        }
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel (x, y) as 0..255. */
    public int channel(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }
}

package gallery.vision.common.image;

/** Width and height in pixels, as the JPEG frame header declares them. */
public record ImageSize(int width, int height) {
}

package gallery.vision.common.image;

/**
 * What decoding one JPEG costs in memory, known from its frame header: the image's size and the most bytes the
 * decoder holds at once while it runs (its working buffers plus the RGB result).
 *
 * @param size         width and height as the frame header declares them
 * @param workingBytes the decoder's peak: for the jpeg-js-compatible decoder every component's coefficients and
 *                     sample plane plus the RGB result
 */
public record DecodeFootprint(ImageSize size, long workingBytes) {

    /** Bytes of the decoded RGB image alone, what stays once the decoder's own buffers are gone. */
    public long rgbBytes() {
        return 3L * size.width() * size.height();
    }
}

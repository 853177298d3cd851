package gallery.vision.common.image;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The image of one analysis job: its JPEG bytes (what a store keeps and a worker fetches) and its decoded pixels
 * (what an analyzer reads). Each side is produced at most once and only when asked for, so a job answered from the
 * store never fetches or decodes, and an image that ingress has already decoded to validate it is not decoded again.
 *
 * <p>Thread-safe: either side may be asked for from any thread; it is produced once.
 */
public final class ImageSource {

    private final Supplier<byte[]> jpegSupplier;
    private final JpegDecoder decoder;
    private byte[] jpeg;
    private RgbImage pixels;

    private ImageSource(byte[] jpeg, RgbImage pixels, Supplier<byte[]> jpegSupplier, JpegDecoder decoder) {
        this.jpeg = jpeg;
        this.pixels = pixels;
        this.jpegSupplier = jpegSupplier;
        this.decoder = decoder;
    }

    /** An image already received and decoded (ingress, which decodes every upload to validate it). */
    public static ImageSource decoded(byte[] jpeg, RgbImage pixels) {
        return new ImageSource(Objects.requireNonNull(jpeg, "jpeg"), Objects.requireNonNull(pixels, "pixels"), null, null);
    }

    /** An image fetched (a worker reading it from the store) and decoded only when first needed. */
    public static ImageSource fetched(Supplier<byte[]> jpeg, JpegDecoder decoder) {
        return new ImageSource(null, null, Objects.requireNonNull(jpeg, "jpeg"), Objects.requireNonNull(decoder, "decoder"));
    }

    /** The JPEG bytes as posted. */
    public synchronized byte[] jpeg() {
        if (jpeg == null) {
            jpeg = jpegSupplier.get();
        }
        return jpeg;
    }

    /** The decoded pixels; throws the decoder's {@link gallery.vision.common.ApiException} for a bad image. */
    public synchronized RgbImage pixels() {
        if (pixels == null) {
            pixels = decoder.decode(jpeg());
        }
        return pixels;
    }
}

package gallery.vision.common.image;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The image of one analysis job: its JPEG bytes (what a store keeps and a worker fetches) and its decoded pixels
 * (what an analyzer reads). Each side is produced at most once and only when asked for, so a job answered from the
 * store never fetches or decodes, and an image that ingress has already decoded to validate it is not decoded again.
 *
 * <p>Pixels decoded under a {@link PixelBudget} come with their {@link PixelLease}: whoever is the last to need them
 * calls {@link #release()}, which drops them and gives the claim back.
 *
 * <p>Thread-safe: either side may be asked for from any thread; it is produced once.
 */
public final class ImageSource {

    private final Supplier<byte[]> jpegSupplier;
    private final JpegDecoder decoder;
    private byte[] jpeg;
    private final PixelLease lease;
    private RgbImage pixels;
    private boolean released;

    private ImageSource(byte[] jpeg, RgbImage pixels, PixelLease lease, Supplier<byte[]> jpegSupplier,
                        JpegDecoder decoder) {
        this.jpeg = jpeg;
        this.pixels = pixels;
        this.lease = lease;
        this.jpegSupplier = jpegSupplier;
        this.decoder = decoder;
    }

    /** An image already received and decoded (ingress, which decodes every upload to validate it). */
    public static ImageSource decoded(byte[] jpeg, RgbImage pixels) {
        return decoded(jpeg, pixels, PixelLease.NONE);
    }

    /** An image decoded under a pixel budget; {@link #release()} gives the lease back. */
    public static ImageSource decoded(byte[] jpeg, RgbImage pixels, PixelLease lease) {
        return new ImageSource(Objects.requireNonNull(jpeg, "jpeg"), Objects.requireNonNull(pixels, "pixels"),
                Objects.requireNonNull(lease, "lease"), null, null);
    }

    /**
     * An image received but only checked as far as its header (distributed mode's ingress, for a JPEG that travels
     * inside its job): decoded only if someone asks for its pixels, outside any pixel budget.
     */
    public static ImageSource received(byte[] jpeg, JpegDecoder decoder) {
        Objects.requireNonNull(jpeg, "jpeg");
        return new ImageSource(jpeg, null, PixelLease.NONE, () -> jpeg, Objects.requireNonNull(decoder, "decoder"));
    }

    /** An image fetched (a worker reading it from the store) and decoded only when first needed. */
    public static ImageSource fetched(Supplier<byte[]> jpeg, JpegDecoder decoder) {
        return new ImageSource(null, null, PixelLease.NONE, Objects.requireNonNull(jpeg, "jpeg"),
                Objects.requireNonNull(decoder, "decoder"));
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
        if (released) {
            throw new IllegalStateException("pixels asked for after release");
        }
        if (pixels == null) {
            pixels = decoder.decode(jpeg());
        }
        return pixels;
    }

    /** The number of decoded pixels this source holds right now (0 before decoding and after release). */
    public synchronized long decodedPixels() {
        return pixels == null ? 0 : (long) pixels.width() * pixels.height();
    }

    /**
     * Says the pixels are no longer needed: drops them (the JPEG bytes stay) and gives back their budget lease.
     * Safe to call more than once and from any owner.
     */
    public void release() {
        synchronized (this) {
            released = true;
            pixels = null;
        }
        lease.close();
    }
}

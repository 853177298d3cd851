package gallery.vision.common.image;

import gallery.vision.common.ApiError;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many decoded pixels may be held at once ({@code DECODE_PIXEL_BUDGET}): the bound on what decoding can make a
 * process hold, whatever the burst of large images. A decode claims its frame header's width x height before any
 * pixel buffer is allocated and gives the claim back when its pixels are no longer needed ({@link PixelLease#close}).
 * A claim that does not fit waits up to {@code wait} for others to give theirs back, then fails with
 * {@link ApiError#DECODE_BUSY} (503 with {@code Retry-After}). A claim larger than the whole budget is capped at the
 * budget, so an image under {@code MAX_PIXELS} can always be decoded alone.
 *
 * <p>Thread-safe. Claims are served first come, first served, so a large image is not starved by a stream of small
 * ones.
 */
public final class PixelBudget {

    private final int capacity;
    private final Duration wait;
    private final Semaphore pixels;

    public PixelBudget(long capacity, Duration wait) {
        if (capacity <= 0 || capacity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pixel budget must be between 1 and " + Integer.MAX_VALUE + ", got " + capacity);
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative, got " + wait);
        }
        this.capacity = (int) capacity;
        this.wait = wait;
        this.pixels = new Semaphore(this.capacity, true);
    }

    /** Claims the pixels of an image of {@code size}, waiting up to the configured time for room. */
    public PixelLease claim(ImageSize size) {
        return claim((long) size.width() * size.height());
    }

    /**
     * Claims what a decode holds at its peak, counted in RGB pixels (3 bytes each): the decoder's working buffers
     * included, so a decoder that needs 7.5 bytes per pixel claims 2.5 pixels for each. Once decoded,
     * {@link PixelLease#keep} gives back all but the RGB image's own pixels.
     */
    public PixelLease claim(DecodeFootprint footprint) {
        return claim(Math.max(footprint.workingBytes(), footprint.rgbBytes()) / 3 + 1);
    }

    private PixelLease claim(long wanted) {
        int claim = (int) Math.min(wanted, capacity);
        boolean granted;
        try {
            granted = pixels.tryAcquire(claim, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            granted = false;
        }
        if (!granted) {
            throw ApiError.DECODE_BUSY.exception();
        }
        return new PixelLease(pixels::release, claim);
    }

    /** Pixels claimed now. */
    public long inUse() {
        return capacity - pixels.availablePermits();
    }

    public long capacity() {
        return capacity;
    }
}

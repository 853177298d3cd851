package gallery.vision.common.image;

import java.util.function.IntConsumer;

/**
 * A claim on the {@link PixelBudget}, held while decoded pixels are. {@link #keep} gives back the part of the claim
 * that only the decoder's working buffers needed; closing it gives the rest back; closing it again does nothing, so
 * every owner that may be the last to need the pixels can close it. Thread-safe.
 */
public final class PixelLease implements AutoCloseable {

    /** The lease of pixels that were not decoded under a budget. */
    public static final PixelLease NONE = new PixelLease(pixels -> { }, 0);

    private final IntConsumer release;
    private int held;

    PixelLease(IntConsumer release, int held) {
        this.release = release;
        this.held = held;
    }

    /** Keeps at most {@code pixels} of the claim (the decoded image's own) and gives the rest back now. */
    public void keep(long pixels) {
        int back;
        synchronized (this) {
            back = (int) Math.max(0, held - Math.max(0, pixels));
            held -= back;
        }
        if (back > 0) {
            release.accept(back);
        }
    }

    @Override
    public void close() {
        keep(0);
    }
}

package gallery.vision.common.image;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A claim on the {@link PixelBudget}, held while decoded pixels are. Closing it gives the claim back; closing it again
 * does nothing, so every owner that may be the last to need the pixels can close it. Thread-safe.
 */
public final class PixelLease implements AutoCloseable {

    /** The lease of pixels that were not decoded under a budget. */
    public static final PixelLease NONE = new PixelLease(() -> { });

    private final Runnable release;
    private final AtomicBoolean open = new AtomicBoolean(true);

    PixelLease(Runnable release) {
        this.release = release;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            release.run();
        }
    }
}

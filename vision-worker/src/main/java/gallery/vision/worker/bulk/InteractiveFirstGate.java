package gallery.vision.worker.bulk;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Holds bulk work back while interactive work is waiting or running in this process: a bulk analysis starts only
 * when the interactive count is zero. An analysis already running is not interrupted (a network run cannot be), so
 * an interactive job shares the CPU at most with the rest of one bulk analysis. The count is polled every
 * {@link #POLL}: a bulk analysis may start that much later, an interactive one never waits for the gate.
 *
 * <p>Thread-safe, if the supplier is.
 */
public final class InteractiveFirstGate {

    static final Duration POLL = Duration.ofMillis(5);

    private final IntSupplier interactive;

    /** @param interactive how many interactive jobs wait or run in this process right now */
    public InteractiveFirstGate(IntSupplier interactive) {
        this.interactive = interactive;
    }

    /** Returns once no interactive job waits or runs. */
    public void awaitIdle() throws InterruptedException {
        while (interactive.getAsInt() > 0) {
            Thread.sleep(POLL.toMillis());
        }
    }
}

package gallery.vision.cli.progress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Done and failed counts of a run against its total, with rate and ETA. Thread-safe.
 */
public final class Counters {

    private final long total;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public Counters(long total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
    }

    public void advance(boolean failure) {
        (failure ? failed : done).incrementAndGet();
    }

    public long total() {
        return total;
    }

    public long done() {
        return done.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Images finished either way. */
    public long finished() {
        return done.get() + failed.get();
    }

    /** Finished images per second since the start. */
    public double rate(long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : finished() / seconds;
    }

    /** Time left at the rate so far; null before anything finished. */
    public Duration eta(long nowNanos) {
        double rate = rate(nowNanos);
        return rate <= 0 ? null : Duration.ofMillis((long) ((total - finished()) / rate * 1000));
    }

    /** A one-line status, e.g. {@code 120/1000 done, 2 failed, 3.1 images/s, ETA 4m44s}. */
    public String line(long nowNanos) {
        Duration eta = eta(nowNanos);
        return String.format(java.util.Locale.ROOT, "%d/%d done, %d failed, %.1f images/s, ETA %s",
                done(), total, failed(), rate(nowNanos), eta == null ? "-" : Durations.format(eta));
    }
}

package gallery.vision.ingress.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a job joining the in-process queue can still be answered within {@code REQUEST_TIMEOUT}: the jobs ahead of
 * it, spread over the analysis threads, times a moving average of recent analysis times. A job that would only time
 * out is refused at once (503 with {@code Retry-After}) rather than left to end as a 504 after the full timeout, so a
 * flood beyond capacity gets quick 503s and the queue never holds work nobody will wait for. Before any analysis has
 * been timed every job is admitted (up to the queue's capacity).
 *
 * <p>Thread-safe.
 */
final class QueueWaitEstimate {

    /** Weight of the newest analysis time in the moving average. */
    private static final double WEIGHT = 0.2;

    private final long limitNanos;
    private final int threads;
    private final AtomicLong averageNanos = new AtomicLong();

    QueueWaitEstimate(Duration limit, int threads) {
        this.limitNanos = limit.toNanos();
        this.threads = threads;
    }

    /** Records how long one analysis ran. */
    void record(long nanos) {
        averageNanos.getAndUpdate(average -> average == 0 ? nanos : Math.round(average + WEIGHT * (nanos - average)));
    }

    /**
     * Whether a job that finds {@code busy} threads running and {@code waiting} jobs queued ahead of it would be
     * answered in time: it starts after the jobs ahead of it and then runs itself.
     */
    boolean admits(int busy, int waiting) {
        long average = averageNanos.get();
        if (average == 0 || busy < threads) {
            return true;
        }
        double rounds = 1.0 + (double) (waiting + 1) / threads;
        return rounds * average <= limitNanos;
    }

    /** The moving average of analysis times, zero before the first. */
    Duration averageAnalysis() {
        return Duration.ofNanos(averageNanos.get());
    }
}

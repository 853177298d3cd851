package gallery.vision.ingress.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission to the in-process queue: a job is admitted only if it can still be answered within {@code REQUEST_TIMEOUT},
 * judged by the jobs ahead of it (admitted and not finished), spread over the analysis threads, times a moving average
 * of recent analysis times, against {@value #HEADROOM_PERCENT}% of the timeout (the rest is room for the estimate's
 * error). A job that would only time out is refused at once (503 with {@code Retry-After}) instead of ending as a 504
 * after the full timeout, so a flood beyond capacity gets quick 503s and the queue never holds work nobody will wait
 * for. Until one analysis has been timed every job is admitted (up to the queue's capacity).
 *
 * <p>Thread-safe: admission is one atomic step, so a burst cannot overshoot the estimate.
 */
final class QueueWaitEstimate {

    /** Weight of the newest analysis time in the moving average. */
    private static final double WEIGHT = 0.2;
    private static final int HEADROOM_PERCENT = 80;

    private final long timeoutNanos;
    private final long limitNanos;
    private final int threads;
    private final AtomicLong averageNanos = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();

    QueueWaitEstimate(Duration requestTimeout, int threads) {
        this.timeoutNanos = requestTimeout.toNanos();
        this.limitNanos = timeoutNanos * HEADROOM_PERCENT / 100;
        this.threads = threads;
    }

    /** Admits one more job if it would be answered in time; an admitted job must end with {@link #left}. */
    boolean tryAdmit() {
        while (true) {
            int ahead = pending.get();
            if (!fits(ahead)) {
                return false;
            }
            if (pending.compareAndSet(ahead, ahead + 1)) {
                return true;
            }
        }
    }

    /** An admitted job has finished after running {@code nanos}, or (negative) was dropped without running. */
    void left(long nanos) {
        pending.decrementAndGet();
        if (nanos >= 0) {
            averageNanos.getAndUpdate(average -> average == 0 ? Math.max(1, nanos)
                    : Math.max(1, Math.round(average + WEIGHT * (nanos - average))));
        }
    }

    /**
     * How long a job just admitted may wait in the queue: until less than twice the average analysis time (at least
     * a tenth of {@code REQUEST_TIMEOUT}) is left of the request's timeout. A job still waiting then would most likely
     * end as a 504, so it is refused with a 503 instead.
     */
    Duration queueExpiry() {
        long margin = Math.max(2 * averageNanos.get(), timeoutNanos / 10);
        return Duration.ofNanos(Math.max(0, timeoutNanos - margin));
    }

    private boolean fits(int ahead) {
        long average = averageNanos.get();
        if (average == 0 || ahead < threads) {
            return true;
        }
        double rounds = (double) (ahead - threads + 1) / threads + 1;
        return rounds * average <= limitNanos;
    }
}

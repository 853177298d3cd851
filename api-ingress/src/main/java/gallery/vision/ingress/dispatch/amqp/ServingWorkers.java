package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.jobs.JobRouting;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Whether some running worker serves an analysis: a worker consumes the {@link JobRouting#jobQueue job queue} of
 * every analysis whose model it has installed, and of no other, so the queue's consumer count (from a passive
 * declare) says it. A job for an analysis that nobody serves fails at once with {@link ApiError#NO_WORKER} instead
 * of waiting for {@code REQUEST_TIMEOUT}.
 *
 * <p>A count above zero is trusted for a short while (one broker round trip per analysis and second, not per
 * request); zero is not remembered, so a worker that has just started is used at once. A worker that dies within
 * that while costs nothing: its job waits in the queue for the next worker, or the request times out, as before.
 * Thread-safe.
 */
public final class ServingWorkers {

    private final ToIntFunction<String> consumerCount;
    private final LongSupplier nanoTime;
    private final long trustNanos;
    private final Map<AnalysisKind, Long> servedUntil = new ConcurrentHashMap<>();

    /**
     * @param consumerCount the consumer count of a queue, by name (throws Spring's {@code AmqpException} when the
     *                      broker cannot tell)
     * @param nanoTime      the clock, {@link System#nanoTime} outside tests
     * @param trust         how long a positive count is trusted
     */
    public ServingWorkers(ToIntFunction<String> consumerCount, LongSupplier nanoTime, Duration trust) {
        this.consumerCount = consumerCount;
        this.nanoTime = nanoTime;
        this.trustNanos = trust.toNanos();
    }

    /** Returns when a running worker serves the analysis; throws the client-visible 503 naming it when none does. */
    public void require(AnalysisKind kind) {
        long now = nanoTime.getAsLong();
        Long until = servedUntil.get(kind);
        if (until != null && now - until < 0) {
            return;
        }
        if (consumerCount.applyAsInt(JobRouting.jobQueue(kind)) == 0) {
            servedUntil.remove(kind);
            throw ApiError.NO_WORKER.exception(kind.path());
        }
        servedUntil.put(kind, now + trustNanos);
    }
}

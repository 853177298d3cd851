package gallery.vision.ingress.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process job queue of embedded mode.
 *
 * @param workers       {@code WORKER_THREADS}: analysis threads; 0 means as many as the cores hold without
 *                      oversubscription: cores divided by {@code ONNX_INTRA_OP_THREADS}, at least one
 * @param queueCapacity {@code QUEUE_CAPACITY}: jobs that may wait for a thread before requests get 503
 * @param bulkThreads   {@code BULK_THREADS}: threads of the bulk lane (asynchronous jobs), which all pause while a
 *                      synchronous request waits or runs; 0 means as many as fit the cores without oversubscribing
 *                      them: cores / {@code ONNX_INTRA_OP_THREADS}, at least 1
 */
@Validated
@ConfigurationProperties("gallery.embedded")
public record EmbeddedProperties(@Min(value = 0, message = "WORKER_THREADS must be 0 (cores / ONNX_INTRA_OP_THREADS) or more") int workers,
                                 @Positive(message = "QUEUE_CAPACITY must be positive") int queueCapacity,
                                 @Min(value = 0, message = "BULK_THREADS must be 0 (cores / ONNX_INTRA_OP_THREADS) or more")
                                 int bulkThreads) {

    /**
     * The number of analysis threads to start: by default no more than the cores can run while every analysis uses
     * {@code intraOpThreads} ONNX Runtime threads (analysis threads x intra-op threads <= cores).
     */
    public int effectiveWorkers(int intraOpThreads) {
        return effectiveWorkers(intraOpThreads, Runtime.getRuntime().availableProcessors());
    }

    int effectiveWorkers(int intraOpThreads, int cores) {
        return orFitToCores(workers, intraOpThreads, cores);
    }

    /** The number of bulk threads to start, given the threads each network run uses. */
    public int effectiveBulkThreads(int intraOpThreads) {
        return orFitToCores(bulkThreads, intraOpThreads, Runtime.getRuntime().availableProcessors());
    }

    /** A configured thread count, or for 0 as many as fit the cores without oversubscribing them (at least 1). */
    private static int orFitToCores(int configured, int intraOpThreads, int cores) {
        return configured > 0 ? configured : Math.max(1, cores / Math.max(1, intraOpThreads));
    }
}

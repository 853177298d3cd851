package gallery.vision.worker.amqp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How hard one worker process pulls on the shared job queue.
 *
 * @param concurrency {@code WORKER_CONCURRENCY}: jobs this process analyzes at once (one consumer thread each)
 * @param prefetch    {@code WORKER_PREFETCH}: unacknowledged jobs the broker hands each consumer; 1 keeps jobs
 *                    evenly spread over workers, more saves a round trip per job at the price of fairness
 */
@Validated
@ConfigurationProperties("gallery.worker")
public record WorkerListenerProperties(
        @Min(value = 1, message = "WORKER_CONCURRENCY must be at least 1")
        @Max(value = 256, message = "WORKER_CONCURRENCY must be at most 256") int concurrency,
        @Min(value = 1, message = "WORKER_PREFETCH must be at least 1")
        @Max(value = 1000, message = "WORKER_PREFETCH must be at most 1000") int prefetch) {
}

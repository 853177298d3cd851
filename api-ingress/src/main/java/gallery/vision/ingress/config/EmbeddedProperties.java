package gallery.vision.ingress.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process job queue of embedded mode.
 *
 * @param workers       {@code WORKER_THREADS}: analysis threads; 0 means one per CPU core
 * @param queueCapacity {@code QUEUE_CAPACITY}: jobs that may wait for a thread before requests get 503
 */
@Validated
@ConfigurationProperties("gallery.embedded")
public record EmbeddedProperties(@Min(value = 0, message = "WORKER_THREADS must be 0 (one per core) or more") int workers,
                                 @Positive(message = "QUEUE_CAPACITY must be positive") int queueCapacity) {

    /** The number of analysis threads to start. */
    public int effectiveWorkers() {
        return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
    }
}

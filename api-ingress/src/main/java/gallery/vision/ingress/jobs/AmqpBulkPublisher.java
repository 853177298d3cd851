package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Distributed mode's launcher: stores the image in the bucket (unless it is there) and publishes one persistent
 * bulk job for all missing analyses to {@link JobRouting#BULK_QUEUE}, without reply-to, and waits for the broker's confirm:
 * once this returns, the job survives a restart of the ingress, of the broker (a quorum queue) and of any worker.
 * Thread-safe, as {@link RabbitTemplate} is.
 */
public final class AmqpBulkPublisher implements JobLauncher {

    private static final Logger log = LoggerFactory.getLogger(AmqpBulkPublisher.class);

    private final BlobStore store;
    private final RabbitTemplate template;
    private final Duration confirmTimeout;

    /** @param template with the {@code mandatory} flag, on a connection factory with correlated publisher confirms */
    public AmqpBulkPublisher(BlobStore store, RabbitTemplate template, Duration confirmTimeout) {
        this.store = store;
        this.template = template;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void launch(JobRecord job, List<AnalysisKind> missing, byte[] jpeg) {
        if (missing.isEmpty()) {
            return;
        }
        String key = StorageKeys.imageKey(job.sha1());
        if (jpeg != null && !store.exists(key)) {
            store.put(key, jpeg);
        }
        CorrelationData confirm = new CorrelationData(job.id());
        try {
            template.send("", JobRouting.BULK_QUEUE, JobMessages.bulkJob(job.sha1(), missing), confirm);
            CorrelationData.Confirm outcome = confirm.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!outcome.ack() || confirm.getReturned() != null) {
                log.warn("broker refused bulk job for {}: {}", job.sha1(), outcome.reason());
                throw ApiError.BACKEND_UNAVAILABLE.exception("job queue");
            }
        } catch (AmqpException | ExecutionException | TimeoutException e) {
            log.warn("publishing bulk job for {} failed: {}", job.sha1(), e.toString());
            throw ApiError.BACKEND_UNAVAILABLE.exception("message broker");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.BACKEND_UNAVAILABLE.exception("message broker");
        }
    }
}

package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.storage.StoredImages;
import gallery.vision.ingress.dispatch.amqp.ServingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Distributed mode's launcher: stores the image in the bucket (unless it is there with half its
 * {@code IMAGE_TTL} ahead, {@link StoredImages}) and publishes one persistent
 * bulk job per missing analysis to that analysis' {@link JobRouting#bulkQueue}, without reply-to, and waits for the
 * broker's confirms: once this returns, the jobs survive a restart of the ingress, of the broker (quorum queues) and
 * of any worker. One job per analysis, because only the workers with an analysis' model consume its queue (a fleet
 * may mix workers with different models). An analysis that no running worker serves ({@link ServingWorkers}) is not
 * queued: its {@link ApiError#NO_WORKER} failure is recorded at once, as a worker records a failed analysis.
 * Thread-safe, as {@link RabbitTemplate} is.
 */
public final class AmqpBulkPublisher implements JobLauncher {

    private static final Logger log = LoggerFactory.getLogger(AmqpBulkPublisher.class);

    private final StoredImages images;
    private final RabbitTemplate template;
    private final Duration confirmTimeout;
    private final ServingWorkers workers;
    private final AnalysisFailures failures;

    /** @param template with the {@code mandatory} flag, on a connection factory with correlated publisher confirms */
    public AmqpBulkPublisher(StoredImages images, RabbitTemplate template, Duration confirmTimeout, ServingWorkers workers,
                             AnalysisFailures failures) {
        this.images = images;
        this.template = template;
        this.confirmTimeout = confirmTimeout;
        this.workers = workers;
        this.failures = failures;
    }

    @Override
    public void launch(JobRecord job, List<AnalysisKind> missing, ImageSource image) {
        // The workers fetch and decode the image themselves: the validation's pixels are not needed here.
        byte[] jpeg = image == null ? null : image.jpeg();
        if (image != null) {
            image.release();
        }
        List<AnalysisKind> served = new ArrayList<>();
        for (AnalysisKind kind : missing) {
            try {
                workers.require(kind);
                served.add(kind);
            } catch (ApiException e) {
                failures.record(kind, job.sha1(), e);
            } catch (AmqpException e) {
                log.warn("asking the broker for the workers of {} failed: {}", kind.path(), e.toString());
                throw ApiError.BACKEND_UNAVAILABLE.exception("message broker");
            }
        }
        if (served.isEmpty()) {
            return;
        }
        if (jpeg != null) {
            images.keep(job.sha1(), jpeg);
        }
        List<CorrelationData> confirms = new ArrayList<>();
        try {
            for (AnalysisKind kind : served) {
                CorrelationData confirm = new CorrelationData(job.id() + "/" + kind.path());
                template.send("", JobRouting.bulkQueue(kind), JobMessages.bulkJob(job.sha1(), List.of(kind)), confirm);
                confirms.add(confirm);
            }
            long deadline = System.nanoTime() + confirmTimeout.toNanos();
            for (CorrelationData confirm : confirms) {
                long left = Math.max(0, deadline - System.nanoTime());
                CorrelationData.Confirm outcome = confirm.getFuture().get(left, TimeUnit.NANOSECONDS);
                if (!outcome.ack() || confirm.getReturned() != null) {
                    log.warn("broker refused bulk job {} for {}: {}", confirm.getId(), job.sha1(), outcome.reason());
                    throw ApiError.BACKEND_UNAVAILABLE.exception("job queue");
                }
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

package gallery.vision.worker.bulk;

import com.rabbitmq.client.Channel;
import gallery.vision.common.ApiError;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.jobs.JobMessages.BulkJob;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.worker.metrics.WorkerJobMetrics;
import gallery.vision.worker.metrics.WorkerJobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import java.io.IOException;

/**
 * Runs bulk jobs from the {@link gallery.vision.common.jobs.JobRouting#bulkQueue bulk queues} with manual acknowledgements, after the
 * worker's interactive jobs ({@link BulkAnalysis} waits at its gate before each analysis). Answers and failures go to
 * the store; nobody waits for a reply.
 *
 * <p>Outcomes: every analysis answered or its failure recorded → ack. A failure worth another attempt → nack back to
 * the queue, until the last of {@code JOB_DELIVERY_LIMIT} deliveries, where the failure is recorded as
 * {@link ApiError#IMAGE_REJECTED} and the job acked. A worker that dies mid-job leaves it unacknowledged, and the
 * broker hands it to another worker, which answers from the store what was already done. A message that is not a
 * bulk job is rejected to the dead letters. Thread-safe: the container calls it from its consumer threads.
 */
public final class BulkJobListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(BulkJobListener.class);
    /** Header a quorum queue adds to a redelivered message: how many deliveries failed before. */
    private static final String DELIVERY_COUNT = "x-delivery-count";

    private final BulkAnalysis analysis;
    private final BlobStore store;
    private final JpegDecoder decoder;
    private final int deliveryLimit;
    private final WorkerJobMetrics metrics;

    public BulkJobListener(BulkAnalysis analysis, BlobStore store, JpegDecoder decoder, int deliveryLimit,
                           WorkerJobMetrics metrics) {
        this.analysis = analysis;
        this.store = store;
        this.decoder = decoder;
        this.deliveryLimit = deliveryLimit;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        BulkJob job;
        try {
            job = JobMessages.readBulkJob(message);
        } catch (IllegalArgumentException e) {
            log.warn("rejecting a message that is not a bulk job: {}", e.getMessage());
            channel.basicReject(tag, false);
            metrics.handled(WorkerJobOutcome.REJECTED);
            return;
        }
        if (failedDeliveries(message) > 0 || Boolean.TRUE.equals(message.getMessageProperties().getRedelivered())) {
            metrics.redelivered();
        }
        boolean last = failedDeliveries(message) + 1 >= deliveryLimit;
        try {
            analysis.run(job.sha1(), job.kinds(), ImageSource.fetched(() -> load(job.sha1()), decoder),
                    last ? ApiError.IMAGE_REJECTED.exception("analysis failed on every delivery of the job") : null);
        } catch (BulkAnalysis.RetryLater e) {
            log.warn("bulk job {} goes back to the queue: {}", job.sha1(), e.getMessage());
            channel.basicNack(tag, false, true);
            metrics.handled(WorkerJobOutcome.REQUEUED);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.basicNack(tag, false, true);
            metrics.handled(WorkerJobOutcome.REQUEUED);
            return;
        }
        channel.basicAck(tag, false);
        metrics.handled(WorkerJobOutcome.ANSWERED);
    }

    private byte[] load(String sha1) {
        return store.get(StorageKeys.imageKey(sha1))
                .orElseThrow(() -> ApiError.IMAGE_REJECTED.exception("the image is no longer stored"));
    }

    private static long failedDeliveries(Message message) {
        Object count = message.getMessageProperties().getHeader(DELIVERY_COUNT);
        return count instanceof Number number ? number.longValue() : 0;
    }
}

package gallery.vision.worker.amqp;

import com.rabbitmq.client.Channel;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.jobs.JobMessages.Job;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.worker.catalog.ModelAnnouncer;
import gallery.vision.worker.job.JobHandler;
import gallery.vision.worker.metrics.WorkerJobMetrics;
import gallery.vision.worker.metrics.WorkerJobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import java.io.IOException;
import java.util.Set;

/**
 * Runs jobs from the job queues of the installed analyses with manual acknowledgements: take the image from the job
 * (or, for a job that does not carry it, from the store), analyze it with
 * {@link JobHandler}, reply, store the answer, and only then ack. So a worker that dies mid-job leaves the
 * job unacknowledged and the broker hands it to another worker.
 *
 * <p>Outcomes: an answer is replied and acked. A definitive failure that is nobody's fault in particular (the model
 * is not installed here, the store is unreachable) is replied as its error and acked: the client sees a 503 and
 * retries. So is bad input in an image the job carries (a JPEG whose scan data does not decode: the client's 400).
 * Any other failure (an image that crashes decoding or the analyzer) is nacked back to the queue; after
 * {@code JOB_DELIVERY_LIMIT} failed deliveries the broker dead-letters it and {@link DeadLetterResponder} answers
 * the request. A message that is not a job is rejected straight to the dead letters.
 *
 * <p>Thread-safe: the container calls it from its consumer threads, each with its own channel.
 */
public final class JobListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);
    /** Header a quorum queue adds to a redelivered message: how many deliveries failed before. */
    private static final String DELIVERY_COUNT = "x-delivery-count";
    private static final Set<ApiError> REPLIED_FAILURES = Set.of(ApiError.MODEL_NOT_INSTALLED, ApiError.BACKEND_UNAVAILABLE);

    private final JobHandler handler;
    private final BlobStore store;
    private final JpegDecoder decoder;
    private final Replies replies;
    private final ModelAnnouncer announcer;
    private final WorkerJobMetrics metrics;

    public JobListener(JobHandler handler, BlobStore store, JpegDecoder decoder, Replies replies,
                       ModelAnnouncer announcer, WorkerJobMetrics metrics) {
        this.handler = handler;
        this.store = store;
        this.decoder = decoder;
        this.replies = replies;
        this.announcer = announcer;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        Job job;
        try {
            job = JobMessages.readJob(message);
        } catch (IllegalArgumentException e) {
            log.warn("rejecting a message that is not a job: {}", e.getMessage());
            channel.basicReject(tag, false);
            metrics.handled(WorkerJobOutcome.REJECTED);
            return;
        }
        boolean first = firstDelivery(message);
        if (!first) {
            metrics.redelivered();
        }
        announcer.announceIfNeeded();
        // A job that carries its image (a small one) is analyzed from it; only a job without one fetches it.
        ImageSource image = job.carriesImage()
                ? ImageSource.fetched(job::jpeg, decoder)
                : ImageSource.fetched(() -> fetch(job.sha1()), decoder);
        Message reply;
        WorkerJobOutcome outcome = WorkerJobOutcome.ANSWERED;
        JobHandler.UnstoredAnswer unstored = null;
        try {
            if (first) {
                unstored = handler.computeUnstored(job.kind(), job.sha1(), image);
                reply = JobMessages.answer(unstored.json());
            } else {
                reply = JobMessages.answer(handler.handle(job.kind(), job.sha1(), image));
            }
        } catch (ApiException e) {
            if (!REPLIED_FAILURES.contains(e.error()) && !(job.carriesImage() && isBadInput(e))) {
                requeue(job, e, message, channel);
                return;
            }
            reply = JobMessages.failure(e);
            outcome = WorkerJobOutcome.REPLIED_ERROR;
        } catch (RuntimeException | Error e) {
            // An Error (out of memory in a model, say) is nacked too: left unacknowledged it would block this
            // consumer's prefetch until the channel closes. Another worker, or the delivery limit, takes over.
            requeue(job, e, message, channel);
            return;
        }
        replies.send(message, reply);
        if (unstored != null) {
            storeAfterReply(job, unstored);
        }
        channel.basicAck(tag, false);
        metrics.handled(outcome);
    }

    /**
     * A 4xx failure of a job that carries its image is the client's: those are the bytes it posted (ingress checked
     * only their header, {@code InlineImageIntake}), so every delivery would fail alike, and the client is told at
     * once, with the error ingress would have given. An image read from the bucket may be a damaged copy instead, which
     * is nobody's input error: that failure goes back to the queue as any other.
     */
    private static boolean isBadInput(ApiException e) {
        return e.error().status() >= 400 && e.error().status() < 500;
    }

    /**
     * Ingress publishes a job only when it found no stored answer (or could not look yet, before any worker announced
     * its model), so on the first delivery the worker skips the lookup: at worst it recomputes an answer. A
     * redelivered job may have been answered by a worker that died before its ack, so it looks.
     */
    private static boolean firstDelivery(Message message) {
        return !Boolean.TRUE.equals(message.getMessageProperties().getRedelivered())
                && message.getMessageProperties().getHeader(DELIVERY_COUNT) == null;
    }

    /**
     * The answer of a first delivery is sent before it is stored, so the client does not wait for the store write;
     * the job is acknowledged only after it (a worker that dies in between leaves the job to be run again). A store
     * that fails now costs only the stored copy: the client has its answer, and a later request computes it again.
     */
    private void storeAfterReply(Job job, JobHandler.UnstoredAnswer answer) {
        try {
            handler.store(answer);
        } catch (ApiException e) {
            log.warn("{} {} answered but not stored: {}", job.kind().path(), job.sha1(), e.getMessage());
        }
    }

    private byte[] fetch(String sha1) {
        return store.get(StorageKeys.imageKey(sha1))
                .orElseThrow(() -> new IllegalStateException("image " + sha1 + " is not in the store"));
    }

    private void requeue(Job job, Throwable e, Message message, Channel channel) throws IOException {
        Object deliveries = message.getMessageProperties().getHeader(DELIVERY_COUNT);
        log.warn("{} {} failed (earlier failed deliveries: {}): {}", job.kind().path(), job.sha1(),
                deliveries == null ? 0 : deliveries, e.toString());
        channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, true);
        metrics.handled(WorkerJobOutcome.REQUEUED);
    }
}

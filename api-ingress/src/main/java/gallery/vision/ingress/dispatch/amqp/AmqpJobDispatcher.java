package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.storage.StoredImages;
import gallery.vision.ingress.dispatch.AnalysisJob;
import gallery.vision.ingress.dispatch.JobDispatcher;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpMessageReturnedException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.RabbitMessageFuture;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Distributed mode's dispatcher: publishes the job to {@link JobRouting#JOBS_EXCHANGE} with publisher confirms and the
 * {@code mandatory} flag, and completes with the worker's reply, which arrives through RabbitMQ's direct reply-to,
 * matched by correlation id. A JPEG up to {@code INLINE_IMAGE_LIMIT} travels inside the (persistent) job message, so
 * the worker fetches nothing and a redelivered job still has it; it is written to S3 under its content address on
 * another thread, beside the publish, for later jobs, and the answer does not wait for that write. A larger JPEG is stored in S3 first and the job names it.
 *
 * <p>Failures, each turned into its {@link ApiException} here, where the broker's own exceptions are known: no running
 * worker serves the analysis ({@link ServingWorkers}) → {@link ApiError#NO_WORKER} (503) at once; storage or broker
 * unreachable, a nacked or unroutable job → {@link ApiError#BACKEND_UNAVAILABLE} (503, {@code Retry-After});
 * a worker's error reply → that error. When the broker connection is lost, every awaited reply fails at once with
 * the 503: its direct reply-to channel died with the connection, so no answer could arrive anyway. There is no
 * deadline here (the caller's is the only one); cancelling the returned future drops the awaited reply. Single
 * flight is {@code AnalysisService}'s job, in front of this one. Thread-safe.
 */
public final class AmqpJobDispatcher implements JobDispatcher, ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(AmqpJobDispatcher.class);
    private static final String BROKER = "message broker";
    private static final int IMAGE_WRITE_THREADS = 4;
    private static final int IMAGE_WRITE_BACKLOG = 256;

    private final StoredImages images;
    private final AsyncRabbitTemplate rabbit;
    private final ServingWorkers workers;
    private final long inlineImageLimit;
    private final ThreadPoolExecutor imageWrites;
    private final Set<CompletableFuture<Message>> awaited = ConcurrentHashMap.newKeySet();

    /** @param inlineImageLimit largest JPEG, in bytes, sent inside its job */
    public AmqpJobDispatcher(StoredImages images, AsyncRabbitTemplate rabbit, ServingWorkers workers, long inlineImageLimit) {
        this.images = images;
        this.rabbit = rabbit;
        this.workers = workers;
        this.inlineImageLimit = inlineImageLimit;
        // The S3 writes of images sent inline: a few threads (a write on a LAN takes milliseconds) and a bounded
        // backlog; beyond it a write is skipped, which the job does not notice.
        ThreadPoolExecutor writes = new ThreadPoolExecutor(IMAGE_WRITE_THREADS, IMAGE_WRITE_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(IMAGE_WRITE_BACKLOG), new CustomizableThreadFactory("image-write-"));
        writes.allowCoreThreadTimeOut(true);
        this.imageWrites = writes;
    }

    @Override
    public CompletableFuture<byte[]> dispatch(AnalysisJob job) {
        // Workers decode their own copy: the pixels ingress decoded to validate the image are not needed any more.
        job.image().release();
        RabbitMessageFuture reply;
        try {
            workers.require(job.kind());
            byte[] jpeg = job.image().jpeg();
            Message message;
            if (jpeg.length <= inlineImageLimit) {
                message = JobMessages.jobWithImage(job.kind(), job.sha1(), jpeg);
                storeImageBeside(job.sha1(), jpeg);
            } else {
                images.keep(job.sha1(), jpeg);
                message = JobMessages.job(job.kind(), job.sha1());
            }
            reply = rabbit.sendAndReceive(JobRouting.JOBS_EXCHANGE, JobRouting.jobRoutingKey(job.kind()), message);
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        } catch (AmqpException e) {
            log.warn("publishing {} {} failed: {}", job.kind().path(), job.sha1(), e.toString());
            return CompletableFuture.failedFuture(ApiError.BACKEND_UNAVAILABLE.exception(BROKER));
        }
        awaited.add(reply);
        reply.whenComplete((message, failure) -> awaited.remove(reply));
        CompletableFuture<byte[]> answer = reply.handle(AmqpJobDispatcher::read);
        answer.whenComplete((bytes, failure) -> {
            if (failure instanceof CancellationException) {
                reply.cancel(false);
            }
        });
        CompletableFuture<Boolean> confirm = reply.getConfirm();
        if (confirm != null) {
            confirm.whenComplete((acked, failure) -> {
                if (failure != null || !Boolean.TRUE.equals(acked)) {
                    log.warn("broker did not confirm {} {}: {}", job.kind().path(), job.sha1(), reply.getNackCause());
                    reply.completeExceptionally(ApiError.BACKEND_UNAVAILABLE.exception(BROKER));
                }
            });
        }
        return answer;
    }

    /** Stops the image writes (those queued still run); Spring calls it when the context closes. */
    public void close() {
        imageWrites.shutdown();
    }

    @Override
    public void onCreate(Connection connection) {
    }

    @Override
    public void onShutDown(ShutdownSignalException signal) {
        if (!awaited.isEmpty()) {
            log.warn("broker connection lost, failing {} awaited replies", awaited.size());
        }
        for (CompletableFuture<Message> reply : awaited) {
            reply.completeExceptionally(ApiError.BACKEND_UNAVAILABLE.exception(BROKER));
        }
    }


    /**
     * Stores an image sent inline on another thread; a failure or a busy executor only costs the stored copy. No
     * existence check first: an image that reaches dispatch had no stored answer, so it is almost always new, and
     * writing the same bytes again is harmless, while a check would cost every new image one more S3 call.
     */
    private void storeImageBeside(String sha1, byte[] jpeg) {
        try {
            imageWrites.execute(() -> {
                try {
                    images.write(sha1, jpeg);
                } catch (RuntimeException e) {
                    log.warn("storing image {} failed (its job carries it): {}", sha1, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("image writes are behind, image {} is not stored (its job carries it)", sha1);
        }
    }

    private static byte[] read(Message message, Throwable failure) {
        if (failure == null) {
            return JobMessages.readReply(message);
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            throw api;
        }
        if (cause instanceof CancellationException cancelled) {
            throw cancelled;
        }
        if (cause instanceof AmqpMessageReturnedException) {
            throw ApiError.BACKEND_UNAVAILABLE.exception("job queue");
        }
        log.warn("awaiting a reply failed: {}", cause.toString());
        throw ApiError.BACKEND_UNAVAILABLE.exception(BROKER);
    }
}

package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
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

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distributed mode's dispatcher: stores the JPEG in S3 under its content address (skipped when it is already
 * there), publishes the job to {@link JobRouting#JOBS_EXCHANGE} with publisher confirms and the {@code mandatory} flag,
 * and completes with the worker's reply, which arrives through RabbitMQ's direct reply-to, matched by correlation id.
 *
 * <p>Failures, each turned into its {@link ApiException} here, where the broker's own exceptions are known: storage
 * or broker unreachable, a nacked or unroutable job → {@link ApiError#BACKEND_UNAVAILABLE} (503, {@code Retry-After});
 * a worker's error reply → that error. When the broker connection is lost, every awaited reply fails at once with
 * the 503: its direct reply-to channel died with the connection, so no answer could arrive anyway. There is no
 * deadline here (the caller's is the only one); cancelling the returned future drops the awaited reply. Single
 * flight is {@code AnalysisService}'s job, in front of this one. Thread-safe.
 */
public final class AmqpJobDispatcher implements JobDispatcher, ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(AmqpJobDispatcher.class);
    private static final String BROKER = "message broker";

    private final BlobStore store;
    private final AsyncRabbitTemplate rabbit;
    private final Set<CompletableFuture<Message>> awaited = ConcurrentHashMap.newKeySet();

    public AmqpJobDispatcher(BlobStore store, AsyncRabbitTemplate rabbit) {
        this.store = store;
        this.rabbit = rabbit;
    }

    @Override
    public CompletableFuture<byte[]> dispatch(AnalysisJob job) {
        // Workers decode their own copy: the pixels ingress decoded to validate the image are not needed any more.
        job.image().release();
        RabbitMessageFuture reply;
        try {
            storeImage(job);
            reply = rabbit.sendAndReceive(JobRouting.JOBS_EXCHANGE, JobRouting.jobRoutingKey(job.kind()),
                    JobMessages.job(job.kind(), job.sha1()));
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

    private void storeImage(AnalysisJob job) {
        String key = StorageKeys.imageKey(job.sha1());
        if (!store.exists(key)) {
            store.put(key, job.image().jpeg());
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

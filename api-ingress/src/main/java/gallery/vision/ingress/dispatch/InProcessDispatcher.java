package gallery.vision.ingress.dispatch;

import gallery.vision.common.ApiError;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Embedded mode's dispatcher: a fixed pool of analysis threads in front of a bounded queue. A job whose model is not
 * installed fails at once with {@link ApiError#MODEL_NOT_INSTALLED}; a job that finds the queue full, or so long that
 * it could not be answered within {@code REQUEST_TIMEOUT} ({@link QueueWaitEstimate}), fails at once with
 * {@link ApiError#QUEUE_FULL} (503 with {@code Retry-After}) instead of piling up; so does a job still waiting when
 * it could no longer be answered in time ({@link QueueWaitEstimate#queueExpiry()}), before its request would end in
 * a 504. A job cancelled while it waits is taken out of the queue; a running one finishes and stores its answer. A job's pixels are released when it has run,
 * is taken out or is refused. Thread-safe.
 */
public final class InProcessDispatcher implements JobDispatcher, DisposableBean {

    private final LocalAnalysis analysis;
    private final ThreadPoolExecutor executor;
    private final QueueWaitEstimate estimate;

    public InProcessDispatcher(LocalAnalysis analysis, int threads, int queueCapacity, Duration requestTimeout) {
        this.analysis = analysis;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), namedThreads(), new ThreadPoolExecutor.AbortPolicy());
        this.estimate = new QueueWaitEstimate(requestTimeout, threads);
    }

    @Override
    public CompletableFuture<byte[]> dispatch(AnalysisJob job) {
        Supplier<byte[]> work;
        try {
            work = analysis.prepare(job);
        } catch (RuntimeException e) {
            job.image().release();
            throw e;
        }
        if (!estimate.tryAdmit()) {
            job.image().release();
            return CompletableFuture.failedFuture(ApiError.QUEUE_FULL.exception());
        }
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        long expiry = estimate.queueExpiry().toNanos();
        long latestStart = System.nanoTime() + expiry;
        Runnable task = () -> run(job, work, answer, latestStart);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            estimate.left(-1);
            job.image().release();
            return CompletableFuture.failedFuture(ApiError.QUEUE_FULL.exception());
        }
        answer.whenComplete((bytes, failure) -> {
            if (answer.isCancelled()) {
                drop(task, job);
            }
        });
        CompletableFuture.delayedExecutor(expiry, TimeUnit.NANOSECONDS).execute(() -> {
            if (drop(task, job)) {
                answer.completeExceptionally(ApiError.QUEUE_FULL.exception());
            }
        });
        return answer;
    }

    /** Takes a job out of the queue if it is still there, releasing its pixels; returns whether it was. */
    private boolean drop(Runnable task, AnalysisJob job) {
        if (!executor.remove(task)) {
            return false;
        }
        estimate.left(-1);
        job.image().release();
        return true;
    }

    /** Jobs waiting for an analysis thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    private void run(AnalysisJob job, Supplier<byte[]> work, CompletableFuture<byte[]> answer, long latestStart) {
        long started = System.nanoTime();
        boolean ran = false;
        try {
            if (started - latestStart > 0) {
                // Its expiry is due: it could no longer be answered in time.
                answer.completeExceptionally(ApiError.QUEUE_FULL.exception());
            } else if (!answer.isDone()) {
                ran = true;
                answer.complete(work.get());
            }
        } catch (Throwable failure) {
            answer.completeExceptionally(failure);
        } finally {
            estimate.left(ran ? System.nanoTime() - started : -1);
            job.image().release();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "analysis-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package gallery.vision.ingress.dispatch;

import gallery.vision.common.ApiError;
import org.springframework.beans.factory.DisposableBean;

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
 * installed fails at once with {@link ApiError#MODEL_NOT_INSTALLED}; a job that finds the queue full fails at once
 * with {@link ApiError#QUEUE_FULL} (503 with {@code Retry-After}) instead of piling up. A job cancelled while it
 * waits in the queue is skipped when its turn comes; a running one finishes and stores its answer. Thread-safe.
 */
public final class InProcessDispatcher implements JobDispatcher, DisposableBean {

    private final LocalAnalysis analysis;
    private final ThreadPoolExecutor executor;

    public InProcessDispatcher(LocalAnalysis analysis, int threads, int queueCapacity) {
        this.analysis = analysis;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), namedThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public CompletableFuture<byte[]> dispatch(AnalysisJob job) {
        Supplier<byte[]> work = analysis.prepare(job);
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(ApiError.QUEUE_FULL.exception());
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

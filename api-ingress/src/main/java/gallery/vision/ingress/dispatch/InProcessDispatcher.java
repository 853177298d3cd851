package gallery.vision.ingress.dispatch;

import gallery.vision.common.ApiError;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.job.JobHandler;
import org.springframework.beans.factory.DisposableBean;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedded mode's dispatcher: a fixed pool of analysis threads in front of a bounded queue. A job that finds the
 * queue full fails at once with {@link ApiError#QUEUE_FULL} (503 with {@code Retry-After}) instead of piling up.
 */
public final class InProcessDispatcher implements JobDispatcher, DisposableBean {

    private final AnalyzerRegistry analyzers;
    private final JobHandler handler;
    private final ThreadPoolExecutor executor;

    public InProcessDispatcher(AnalyzerRegistry analyzers, JobHandler handler, int threads, int queueCapacity) {
        this.analyzers = analyzers;
        this.handler = handler;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), namedThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public CompletableFuture<byte[]> dispatch(AnalysisJob job) {
        analyzers.require(job.kind());
        try {
            return CompletableFuture.supplyAsync(() -> handler.handle(job.kind(), job.sha1(), job::image), executor);
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

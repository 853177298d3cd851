package gallery.vision.ingress.jobs;

import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long polling of {@code GET /jobs/{id}?wait=}: a waiting request holds no thread, only a pending future, completed
 * with the job's report as soon as the job is finished, or with its current report when the wait is over. A job is
 * looked at again when this process's {@link JobLauncher} says answers for its image have landed (embedded mode);
 * a launcher that cannot tell (distributed mode: the workers store answers in other processes) is stood in for by a
 * re-check of every pending wait every {@code JOB_WAIT_RECHECK}: a read of the store on the server, not a request
 * from the client. Thread-safe; its one scheduler thread does every re-check.
 */
public final class JobWaits implements DisposableBean {

    private final JobService jobs;
    private final ScheduledExecutorService scheduler;
    /** Pending waits by the sha1 of their job's image. */
    private final Map<String, Set<Wait>> pending = new ConcurrentHashMap<>();

    public JobWaits(JobService jobs, JobLauncher launcher, Duration recheck) {
        this.jobs = jobs;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-waits");
            thread.setDaemon(true);
            return thread;
        });
        if (!launcher.whenLanded(this::landed)) {
            long millis = recheck.toMillis();
            scheduler.scheduleWithFixedDelay(this::recheckAll, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The job's report once it is finished or {@code wait} is over, whichever comes first. An unknown job throws
     * at once; a job forgotten while waited for completes the future exceptionally.
     */
    public CompletableFuture<JobReport> await(String id, Duration wait) {
        JobReport report = jobs.report(id);
        if (report.status().finished() || wait.isZero()) {
            return CompletableFuture.completedFuture(report);
        }
        Wait waiting = new Wait(id, report.srcSha1sum(), new CompletableFuture<>());
        pending.computeIfAbsent(waiting.sha1, key -> ConcurrentHashMap.newKeySet()).add(waiting);
        ScheduledFuture<?> timeout = scheduler.schedule(() -> finish(waiting, true), wait.toMillis(),
                TimeUnit.MILLISECONDS);
        waiting.future.whenComplete((done, error) -> {
            timeout.cancel(false);
            pending.computeIfPresent(waiting.sha1, (key, waits) -> waits.remove(waiting) && waits.isEmpty() ? null : waits);
        });
        // The job may have finished between the first report and the registration: look once more.
        scheduler.execute(() -> finish(waiting, false));
        return waiting.future;
    }

    /** How many requests are waiting now. */
    public int waiting() {
        return pending.values().stream().mapToInt(Set::size).sum();
    }

    private void landed(String sha1) {
        if (pending.containsKey(sha1)) {
            try {
                scheduler.execute(() -> recheck(sha1));
            } catch (RejectedExecutionException e) {
                // stopping: the waiting requests end with the server
            }
        }
    }

    private void recheckAll() {
        pending.keySet().forEach(this::recheck);
    }

    private void recheck(String sha1) {
        Set<Wait> waits = pending.get(sha1);
        if (waits != null) {
            waits.forEach(waiting -> finish(waiting, false));
        }
    }

    /** Completes the wait when its job is finished, or in any case at its timeout. */
    private void finish(Wait waiting, boolean timedOut) {
        if (waiting.future.isDone()) {
            return;
        }
        try {
            JobReport report = jobs.report(waiting.id);
            if (timedOut || report.status().finished()) {
                waiting.future.complete(report);
            }
        } catch (RuntimeException e) {
            waiting.future.completeExceptionally(e);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private record Wait(String id, String sha1, CompletableFuture<JobReport> future) {
    }
}

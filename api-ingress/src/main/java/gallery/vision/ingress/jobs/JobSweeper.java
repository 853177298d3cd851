package gallery.vision.ingress.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link JobService#sweep()} every {@code JOB_SWEEP_INTERVAL} on a daemon thread of its own; a sweep that
 * fails (storage down) is logged and tried again at the next interval.
 */
public final class JobSweeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public JobSweeper(JobService jobs, Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int forgotten = jobs.sweep();
                if (forgotten > 0) {
                    log.info("forgot {} finished jobs", forgotten);
                }
            } catch (RuntimeException e) {
                log.warn("job sweep failed: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}

package gallery.vision.common.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Embedded mode's housekeeping of the {@link FileBlobStore}, on a daemon thread of its own: once at start it removes
 * the temporary files a killed run left behind, and every {@code IMAGE_SWEEP_INTERVAL} (first at start) it deletes
 * the stored images older than {@code IMAGE_TTL}, whatever stored them, i.e. every file below
 * {@link StorageKeys#IMAGES}. Answers are never swept. A sweep that fails is logged and tried again at the next
 * interval. Thread-safe.
 */
public final class FileStoreSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileStoreSweeper.class);

    private final FileBlobStore store;
    private final Duration ttl;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "image-expiry");
        thread.setDaemon(true);
        return thread;
    });

    public FileStoreSweeper(FileBlobStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Schedules the clean-up at start and the sweeps every {@code interval}. */
    public FileStoreSweeper start(Duration interval) {
        timer.execute(this::cleanUpAfterCrash);
        timer.scheduleWithFixedDelay(this::sweepLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Deletes the images stored longer than the TTL ago; returns how many. */
    public int sweep() {
        return store.deleteWrittenBefore(StorageKeys.IMAGES, clock.instant().minus(ttl));
    }

    private void sweepLogged() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                log.info("deleted {} stored images older than IMAGE_TTL {}", deleted, ttl);
            }
        } catch (RuntimeException e) {
            log.warn("image expiry sweep failed, trying again later: {}", e.toString());
        }
    }

    private void cleanUpAfterCrash() {
        try {
            int deleted = store.deleteAbandonedTemporaryFiles();
            if (deleted > 0) {
                log.info("deleted {} temporary files of unfinished writes of an earlier run", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("cleaning up temporary files failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

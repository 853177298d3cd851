package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedded mode's bulk lane: one thread, apart from the interactive analysis threads, that runs jobs in the order
 * they came, each analysis only when no interactive request waits or runs (the {@link LocalBulkAnalysis}' gate). The image
 * is kept under {@code DATA_DIR} while a job needs it (so a restart can resume the job) and deleted after.
 *
 * <p>One thread means two jobs of the same image never run at once: the second finds the first one's answers
 * stored. Thread-safe.
 */
public final class EmbeddedBulkLane implements JobLauncher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBulkLane.class);

    private final LocalBulkAnalysis analysis;
    private final BlobStore store;
    private final JpegDecoder decoder;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread bulk = new Thread(runnable, "bulk-analysis");
        bulk.setDaemon(true);
        return bulk;
    });
    /** Images on disk and how many launched jobs still need each. */
    private final Map<String, Integer> imageUsers = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Launched jobs that have not started yet. */
    private final AtomicInteger waiting = new AtomicInteger();

    public EmbeddedBulkLane(LocalBulkAnalysis analysis, BlobStore store, JpegDecoder decoder) {
        this.analysis = analysis;
        this.store = store;
        this.decoder = decoder;
    }

    @Override
    public void launch(JobRecord job, List<AnalysisKind> missing, byte[] jpeg) {
        if (missing.isEmpty()) {
            return;
        }
        String sha1 = job.sha1();
        imageUsers.compute(sha1, (key, users) -> {
            if (users == null && jpeg != null) {
                store.put(StorageKeys.imageKey(sha1), jpeg);
            }
            return users == null ? 1 : users + 1;
        });
        waiting.incrementAndGet();
        thread.execute(() -> run(sha1, missing));
    }

    /** Jobs launched and waiting for the bulk thread. */
    public int queued() {
        return waiting.get();
    }

    @Override
    public boolean isRunning(String sha1) {
        return running.contains(sha1);
    }

    private void run(String sha1, List<AnalysisKind> kinds) {
        waiting.decrementAndGet();
        running.add(sha1);
        try {
            analysis.run(sha1, kinds, ImageSource.fetched(() -> load(sha1), decoder));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("bulk job for {} failed", sha1, e);
        } finally {
            running.remove(sha1);
        }
        release(sha1);
    }

    private byte[] load(String sha1) {
        return store.get(StorageKeys.imageKey(sha1))
                .orElseThrow(() -> ApiError.IMAGE_REJECTED.exception("the image is no longer stored"));
    }

    /** Deletes the image once no launched job needs it any more. */
    private void release(String sha1) {
        imageUsers.compute(sha1, (key, users) -> {
            if (users == null || users <= 1) {
                store.delete(StorageKeys.imageKey(sha1));
                return null;
            }
            return users - 1;
        });
    }

    /** Stops after the analysis under way; unfinished jobs stay on disk and resume at the next start. */
    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}

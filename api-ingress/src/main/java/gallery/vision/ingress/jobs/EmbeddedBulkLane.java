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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Embedded mode's bulk lane: {@code BULK_THREADS} threads, apart from the interactive analysis threads, that take
 * jobs in the order they came and run each job's analyses back to back on one decode, each analysis only when no
 * interactive request waits or runs (the {@link LocalBulkAnalysis}' gate). With no interactive work around, the lane
 * keeps every core busy (one thread per core at one ONNX intra-op thread); while a request waits, every bulk thread
 * stops at its next analysis boundary. The image is kept under {@code DATA_DIR} while a job needs it (so a restart
 * can resume the job) and deleted after.
 *
 * <p>One decode per job: the pixels decoded at submission to validate the image are kept for the job while the
 * images held that way stay within {@code heldPixelLimit} (a small share of the {@code DECODE_PIXEL_BUDGET}, whose
 * leases they keep, so synchronous requests still find most of the budget free); beyond it, or for a job resumed
 * after a restart, the lane reads the image back from the disk and decodes it when the job starts.
 *
 * <p>Two jobs of the same image may run at once on two threads: the analysis core's single flight makes the second
 * wait for the first one's answer instead of computing it again. Thread-safe.
 */
public final class EmbeddedBulkLane implements JobLauncher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBulkLane.class);

    private final LocalBulkAnalysis analysis;
    private final BlobStore store;
    private final JpegDecoder decoder;
    private final ExecutorService threads;
    /** Images on disk and how many launched jobs still need each. */
    private final Map<String, Integer> imageUsers = new ConcurrentHashMap<>();
    /** Images whose jobs are running, and how many of them. */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();
    /** Launched jobs that have not started yet. */
    private final AtomicInteger waiting = new AtomicInteger();

    private final List<Consumer<String>> landed = new CopyOnWriteArrayList<>();
    private final long heldPixelLimit;
    /** Pixels of the submission-time decodes kept for jobs that have not finished yet. */
    private final AtomicLong heldPixels = new AtomicLong();

    /**
     * @param threads        how many jobs run at once (at least 1)
     * @param heldPixelLimit how many decoded pixels launched jobs may keep from their validation (0: none)
     */
    public EmbeddedBulkLane(LocalBulkAnalysis analysis, BlobStore store, JpegDecoder decoder, int threads,
                            long heldPixelLimit) {
        if (threads < 1) {
            throw new IllegalArgumentException("the bulk lane needs at least one thread, got " + threads);
        }
        this.analysis = analysis;
        this.store = store;
        this.decoder = decoder;
        this.heldPixelLimit = heldPixelLimit;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread bulk = new Thread(runnable, "bulk-analysis-" + count.incrementAndGet());
            bulk.setDaemon(true);
            return bulk;
        });
    }

    @Override
    public void launch(JobRecord job, List<AnalysisKind> missing, ImageSource image) {
        if (missing.isEmpty()) {
            if (image != null) {
                image.release();
            }
            return;
        }
        String sha1 = job.sha1();
        imageUsers.compute(sha1, (key, users) -> {
            if (users == null && image != null) {
                store.put(StorageKeys.imageKey(sha1), image.jpeg());
            }
            return users == null ? 1 : users + 1;
        });
        long held = image == null ? 0 : hold(image);
        waiting.incrementAndGet();
        threads.execute(() -> run(sha1, missing, held > 0 ? image : null, held));
    }

    /** Keeps the image's decoded pixels for its job when they fit under the limit; returns how many (0: dropped). */
    private long hold(ImageSource image) {
        long pixels = image.decodedPixels();
        if (pixels > 0 && heldPixels.addAndGet(pixels) <= heldPixelLimit) {
            return pixels;
        }
        if (pixels > 0) {
            heldPixels.addAndGet(-pixels);
        }
        image.release();
        return 0;
    }

    /** Jobs launched and waiting for a bulk thread. */
    public int queued() {
        return waiting.get();
    }

    @Override
    public boolean isRunning(String sha1) {
        return running.containsKey(sha1);
    }

    /** Tells the listener after each job of this lane has stored its answers or failures (also when it failed). */
    @Override
    public boolean whenLanded(Consumer<String> listener) {
        landed.add(listener);
        return true;
    }

    private void run(String sha1, List<AnalysisKind> kinds, ImageSource decoded, long held) {
        waiting.decrementAndGet();
        running.merge(sha1, 1, Integer::sum);
        try {
            analysis.run(sha1, kinds, decoded != null ? decoded : ImageSource.fetched(() -> load(sha1), decoder));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("bulk job for {} failed", sha1, e);
        } finally {
            if (decoded != null) {
                decoded.release();
                heldPixels.addAndGet(-held);
            }
            running.computeIfPresent(sha1, (key, jobs) -> jobs > 1 ? jobs - 1 : null);
            landed.forEach(listener -> listener.accept(sha1));
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

    /** Stops after the analyses under way; unfinished jobs stay on disk and resume at the next start. */
    @Override
    public void destroy() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}

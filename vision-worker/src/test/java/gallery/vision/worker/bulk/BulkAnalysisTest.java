package gallery.vision.worker.bulk;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.common.storage.FileBlobStore;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.job.JobHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several bulk threads behind one {@link InteractiveFirstGate}, with plain fake analyzers (pure scheduling logic):
 * all of them run while no interactive job is around, and each stops at its next analysis boundary while one is.
 */
class BulkAnalysisTest {

    private static final ModelRef MODEL = new ModelRef("fake", "1");
    private static final String IMAGE_A = "c3328f60fd4fc6c85bfff3fdba9e2f067c135e5f";
    private static final String IMAGE_B = "0be2b7c9b33d1a3d0e3f1fa3a4fe0c2c6a0b0f11";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Long enough for a bulk thread that ignored the gate to reach the analyzer many times over. */
    private static final Duration HELD_BACK = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private final AtomicInteger interactive = new AtomicInteger();
    private final AtomicInteger embeddings = new AtomicInteger();
    private final AtomicInteger objects = new AtomicInteger();
    private final CountDownLatch embeddingsHeld = new CountDownLatch(1);
    private final ExecutorService bulkThreads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        embeddingsHeld.countDown();
        bulkThreads.shutdownNow();
    }

    @Test
    void everyBulkThreadRunsWhileNoInteractiveJobIsAroundAndStopsAtItsNextAnalysisWhileOneIs() throws Exception {
        BulkAnalysis analysis = analysis();
        Future<?> first = bulkThreads.submit(() -> run(analysis, IMAGE_A));
        Future<?> second = bulkThreads.submit(() -> run(analysis, IMAGE_B));

        // Both threads analyze at once: the lane is as wide as its threads.
        await().atMost(PATIENCE).until(() -> embeddings.get() == 2);
        interactive.set(1);
        embeddingsHeld.countDown();
        Thread.sleep(HELD_BACK.toMillis());
        assertThat(objects).as("no bulk analysis starts while an interactive job waits").hasValue(0);

        interactive.set(0);
        first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(objects).hasValue(2);
    }

    @Test
    void noBulkThreadStartsWhileAnInteractiveJobIsAround() throws Exception {
        embeddingsHeld.countDown();
        interactive.set(1);
        BulkAnalysis analysis = analysis();
        Future<?> first = bulkThreads.submit(() -> run(analysis, IMAGE_A));
        Future<?> second = bulkThreads.submit(() -> run(analysis, IMAGE_B));

        Thread.sleep(HELD_BACK.toMillis());
        assertThat(embeddings.get() + objects.get()).isZero();

        interactive.set(0);
        first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(embeddings.get() + objects.get()).isEqualTo(4);
    }

    private Void run(BulkAnalysis analysis, String sha1) throws InterruptedException {
        ImageSource image = ImageSource.decoded(new byte[0], new RgbImage(2, 2, new byte[12]));
        analysis.run(sha1, List.of(AnalysisKind.EMBEDDINGS, AnalysisKind.OBJECTS), image, null);
        return null;
    }

    private BulkAnalysis analysis() {
        InstalledAnalyzer held = new InstalledAnalyzer(AnalysisKind.EMBEDDINGS, MODEL, image -> {
            embeddings.incrementAndGet();
            try {
                embeddingsHeld.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });
        InstalledAnalyzer counted = new InstalledAnalyzer(AnalysisKind.OBJECTS, MODEL, image -> {
            objects.incrementAndGet();
            return List.of();
        });
        FileBlobStore store = new FileBlobStore(dir);
        JsonMapper json = JsonMapper.builder().build();
        JobHandler handler = new JobHandler(new AnalyzerRegistry(List.of(held, counted)), store, json, Clock.systemUTC());
        return new BulkAnalysis(handler, new AnalysisFailures(store, json, Clock.systemUTC()),
                new InteractiveFirstGate(interactive::get));
    }
}

package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.PixelBudget;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.common.storage.FileBlobStore;
import gallery.vision.common.storage.StorageKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedBulkLaneTest {

    private static final List<AnalysisKind> ALL = List.of(AnalysisKind.values());

    @TempDir
    Path dir;

    private final PixelBudget budget = new PixelBudget(64_000_000, Duration.ofSeconds(1));
    private final BudgetedDecoder decoder = new BudgetedDecoder(new JpegDecoder(100_000_000), budget);
    private EmbeddedBulkLane lane;

    @AfterEach
    void stop() throws Exception {
        lane.destroy();
    }

    /** Launches a job for a fresh 64x48 JPEG and answers how many pixels its image held when its analyses began. */
    private long pixelsAtStart(long heldPixelLimit) throws Exception {
        CompletableFuture<Long> atStart = new CompletableFuture<>();
        FileBlobStore store = new FileBlobStore(dir);
        lane = new EmbeddedBulkLane((sha1, kinds, image) -> {
            long before = image.decodedPixels();
            image.pixels();
            atStart.complete(before);
        }, store, new JpegDecoder(100_000_000), 1, heldPixelLimit);
        byte[] jpeg = TestJpegs.baseline(64, 48);
        String sha1 = Sha1.hex(jpeg);
        ImageSource validated = decoder.decode(jpeg);
        lane.launch(new JobRecord("job", sha1, ALL, Instant.now(), null), ALL, validated);
        long pixels = atStart.get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.get(StorageKeys.imageKey(sha1)).isEmpty());
        return pixels;
    }

    @Test
    void runsTheJobOnThePixelsDecodedAtSubmissionAndGivesTheirBudgetBack() throws Exception {
        assertThat(pixelsAtStart(1_000_000)).isEqualTo(64 * 48);
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.inUse() == 0);
    }

    @Test
    void dropsThePixelsAndDecodesAgainWhenTheyDoNotFitTheLimit() throws Exception {
        long pixels = pixelsAtStart(64 * 48 - 1);

        assertThat(pixels).isZero();
        assertThat(budget.inUse()).isZero();
    }
}

package gallery.vision.common.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Embedded mode's image expiry: images older than the TTL go, younger images and every answer stay. */
class FileStoreSweeperTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String OLD_IMAGE = StorageKeys.imageKey("0".repeat(40));
    private static final String YOUNG_IMAGE = StorageKeys.imageKey("1".repeat(40));
    private static final String OLD_ANSWER = "results/faces/face-api/1/00/00/" + "0".repeat(40) + ".json";

    @TempDir
    Path root;

    @Test
    void deletesImagesOlderThanTheTtlAndNothingElse() throws IOException {
        FileBlobStore store = new FileBlobStore(root);
        writtenAt(store, OLD_IMAGE, NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        writtenAt(store, YOUNG_IMAGE, NOW.minus(Duration.ofDays(7)).plusSeconds(60));
        writtenAt(store, OLD_ANSWER, NOW.minus(Duration.ofDays(300)));

        int deleted = new FileStoreSweeper(store, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(deleted).isEqualTo(1);
        assertThat(store.exists(OLD_IMAGE)).isFalse();
        assertThat(store.exists(YOUNG_IMAGE)).isTrue();
        assertThat(store.exists(OLD_ANSWER)).isTrue();
    }

    @Test
    void findsNothingToDoInAStoreWithoutImages() {
        FileBlobStore store = new FileBlobStore(root);

        assertThat(new FileStoreSweeper(store, Duration.ofDays(7), Clock.systemUTC()).sweep()).isZero();
    }

    @Test
    void sweepsAtStartAndRemovesTemporaryFilesOfAnEarlierRun() throws IOException {
        FileBlobStore store = new FileBlobStore(root);
        writtenAt(store, OLD_IMAGE, Instant.now().minus(Duration.ofDays(8)));
        Path abandoned = Files.createDirectories(root.resolve("results/faces")).resolve(".put-0123abcd-99.tmp");
        Files.write(abandoned, new byte[]{'{'});

        try (FileStoreSweeper sweeper = new FileStoreSweeper(store, Duration.ofDays(7), Clock.systemUTC())
                .start(Duration.ofHours(1))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !store.exists(OLD_IMAGE) && !Files.exists(abandoned));
        }
    }

    @Test
    void neverRemovesTheTemporaryFileOfAPutUnderWayInThisProcess() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        byte[] value = new byte[64 * 1024];
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                store.put("results/faces/k" + (i % 10) + ".json", value);
            }
        });
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        writer.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
        writer.start();
        int deleted = 0;
        while (writer.isAlive()) {
            deleted += store.deleteAbandonedTemporaryFiles();
        }
        writer.join();

        assertThat(failures).isEmpty();
        assertThat(deleted).isZero();
    }

    private static void writtenAt(FileBlobStore store, String key, Instant when) throws IOException {
        store.put(key, new byte[]{1});
        Files.setLastModifiedTime(store.root().resolve(key), FileTime.from(when));
    }
}

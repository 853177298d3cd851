package gallery.vision.common.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class StoredImagesTest {

    private static final Duration TTL = Duration.ofDays(7);
    private static final String SHA1 = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3";

    @TempDir
    Path root;

    @Test
    void writesAnImageThatIsNotStored() {
        FileBlobStore store = new FileBlobStore(root);

        assertThat(images(store, Instant.now()).keep(SHA1, new byte[] {1})).isTrue();

        assertThat(store.get(StorageKeys.imageKey(SHA1))).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    }

    @Test
    void leavesACopyYoungerThanHalfItsTtl() {
        FileBlobStore store = new FileBlobStore(root);
        store.put(StorageKeys.imageKey(SHA1), new byte[] {1});
        Instant written = store.writtenAt(StorageKeys.imageKey(SHA1)).orElseThrow();

        assertThat(images(store, written.plus(TTL.dividedBy(2)).minusSeconds(1)).keep(SHA1, new byte[] {2})).isFalse();

        assertThat(store.get(StorageKeys.imageKey(SHA1))).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    }

    @Test
    void writesAgainACopyOlderThanHalfItsTtlSoThatExpiryCountsFromNow() {
        FileBlobStore store = new FileBlobStore(root);
        store.put(StorageKeys.imageKey(SHA1), new byte[] {1});
        Instant written = store.writtenAt(StorageKeys.imageKey(SHA1)).orElseThrow();

        assertThat(images(store, written.plus(TTL.dividedBy(2))).keep(SHA1, new byte[] {2})).isTrue();

        assertThat(store.get(StorageKeys.imageKey(SHA1))).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
        assertThat(store.writtenAt(StorageKeys.imageKey(SHA1))).hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(written));
    }

    private static StoredImages images(BlobStore store, Instant now) {
        return new StoredImages(store, TTL, Clock.fixed(now, ZoneOffset.UTC));
    }
}

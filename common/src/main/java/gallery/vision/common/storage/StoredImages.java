package gallery.vision.common.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores an image for a job that a worker will read from the store, so that the image outlives the job: it is
 * written when it is absent, and written again when the stored copy is older than half of {@code IMAGE_TTL}. Expiry
 * (the bucket's lifecycle rule or the sweep) counts from the last write, so an image found stored just before its
 * TTL is not deleted between this check and the worker's read. A copy younger than that is left as it is: the same
 * image sent again soon after costs one metadata call, not a second upload.
 *
 * <p>Thread-safe: the store is, and concurrent writes of one image write the same bytes.
 */
public final class StoredImages {

    private final BlobStore store;
    private final Duration rewriteAfter;
    private final Clock clock;

    /**
     * @param store where images live, under {@link StorageKeys#imageKey}
     * @param ttl   {@code IMAGE_TTL}, after which a stored image may be deleted
     * @param clock the time the stored copy's age is measured against
     */
    public StoredImages(BlobStore store, Duration ttl, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.rewriteAfter = ttl.dividedBy(2);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Makes sure the image is stored with at least half of its TTL ahead of it.
     *
     * @return whether the image was written
     */
    public boolean keep(String sha1, byte[] jpeg) {
        String key = StorageKeys.imageKey(sha1);
        Optional<Instant> written = store.writtenAt(key);
        if (written.isPresent() && written.get().plus(rewriteAfter).isAfter(clock.instant())) {
            return false;
        }
        store.put(key, jpeg);
        return true;
    }

    /** Writes the image whether or not it is stored (for an image that travels with its job, stored beside it). */
    public void write(String sha1, byte[] jpeg) {
        store.put(StorageKeys.imageKey(sha1), jpeg);
    }
}

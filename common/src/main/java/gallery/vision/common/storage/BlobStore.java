package gallery.vision.common.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed storage for images and answers, keyed by the names {@link StorageKeys} makes.
 *
 * <p>Implementations are thread-safe; a {@code put} is atomic: a reader sees the whole value or none.
 */
public interface BlobStore {

    /**
     * Makes the store ready before the first request where that takes work (the S3 store creates its bucket and sets
     * its image expiry rule); nothing by default. May fail like any other call when the backend is unreachable.
     */
    default void prepare() {
    }

    /** The stored bytes, or empty when nothing is stored under the key (or it has expired). */
    Optional<byte[]> get(String key);

    /** Stores the bytes under the key, replacing any earlier value. */
    void put(String key, byte[] value);

    /** Whether a value is stored under the key. */
    boolean exists(String key);

    /** When the value under the key was last written (what expiry counts from), or empty when none is stored. */
    Optional<Instant> writtenAt(String key);

    /** Removes the value under the key; nothing happens when there is none. */
    void delete(String key);

    /** Every key that starts with {@code prefix} (a folder such as {@code jobs/records/}), in no particular order. */
    List<String> keys(String prefix);
}

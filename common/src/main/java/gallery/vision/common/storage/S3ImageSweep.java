package gallery.vision.common.storage;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep of a bucket's stored images, one bounded round at a time: a round lists at most {@code roundLimit} keys
 * below {@link StorageKeys#IMAGES} (in pages of {@link #PAGE} keys, in key order, after the last key of the round
 * before) and deletes those last modified more than the TTL before the clock's now, in multi-object deletes.
 * Listing uses S3's version 1 {@code ListObjects} with a {@code marker}: every S3 server has it, and S3Proxy refuses
 * a version 2 listing that pages on from a {@code start-after} key ({@code 400 InvalidArgument}). Directory entries
 * that some servers list (S3Proxy's filesystem backend) are skipped. Rounds
 * follow one another through the bucket; the round that reaches its end finishes a pass, and the next round starts
 * a new one from the first key. Nothing outside {@link StorageKeys#IMAGES} is listed or deleted.
 *
 * <p>Deletes are idempotent, so sweeps of several ingress replicas at once do no harm: an image deleted by another
 * one counts as deleted. Not thread-safe: one thread runs the rounds ({@link S3ImageSweeper}).
 */
final class S3ImageSweep {

    /** Keys asked for per list request (S3's largest page), and objects per delete request (S3's limit). */
    static final int PAGE = 1000;
    /** Keys one round looks at: about ten list requests and the deletes they lead to. */
    static final int ROUND_LIMIT = 10 * PAGE;

    private final MinioClient client;
    private final String bucket;
    private final Duration ttl;
    private final Clock clock;
    private final int roundLimit;
    private final int page;
    private String resumeAfter;

    S3ImageSweep(MinioClient client, String bucket, Duration ttl, Clock clock) {
        this(client, bucket, ttl, clock, ROUND_LIMIT, PAGE);
    }

    /** A sweep with smaller rounds and pages, for tests of a bucket larger than one round. */
    S3ImageSweep(MinioClient client, String bucket, Duration ttl, Clock clock, int roundLimit, int page) {
        this.client = client;
        this.bucket = bucket;
        this.ttl = ttl;
        this.clock = clock;
        this.roundLimit = roundLimit;
        this.page = page;
    }

    /** What one round did. {@code passFinished}: it reached the last image key, the next round starts over. */
    record Round(int listed, int deleted, boolean passFinished) {
    }

    /** Runs the next round. Fails with an {@link S3SweepException} when the server fails; the next call goes on. */
    Round next() {
        Instant cutoff = clock.instant().minus(ttl);
        ListObjectsArgs.Builder listing = ListObjectsArgs.builder().bucket(bucket).prefix(StorageKeys.IMAGES)
                .recursive(true).maxKeys(page).useApiVersion1(true);
        if (resumeAfter != null) {
            listing.marker(resumeAfter);
        }
        List<DeleteObject> expired = new ArrayList<>();
        int listed = 0;
        String last = null;
        try {
            for (Result<Item> result : client.listObjects(listing.build())) {
                Item item = result.get();
                if (item.isDir()) {
                    continue;
                }
                listed++;
                last = item.objectName();
                if (StorageKeys.isImageKey(last) && item.lastModified() != null
                        && item.lastModified().toInstant().isBefore(cutoff)) {
                    expired.add(new DeleteObject(last));
                }
                if (listed >= roundLimit) {
                    break;
                }
            }
            int deleted = delete(expired);
            boolean passFinished = listed < roundLimit;
            resumeAfter = passFinished ? null : last;
            return new Round(listed, deleted, passFinished);
        } catch (Exception e) {
            throw new S3SweepException(e);
        }
    }

    /** Deletes the keys in batches of {@link #PAGE}; a key that is gone already counts as deleted. */
    private int delete(List<DeleteObject> keys) throws Exception {
        int failed = 0;
        for (int from = 0; from < keys.size(); from += PAGE) {
            List<DeleteObject> batch = keys.subList(from, Math.min(keys.size(), from + PAGE));
            for (Result<DeleteError> result : client.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                    .objects(batch).build())) {
                DeleteError error = result.get();
                if (!"NoSuchKey".equals(error.code())) {
                    failed++;
                }
            }
        }
        if (failed > 0) {
            throw new S3SweepException(failed + " of " + keys.size() + " expired images were not deleted");
        }
        return keys.size();
    }

    /** A round that failed; its message names the S3 error code or exception class, never a credential. */
    static final class S3SweepException extends RuntimeException {

        S3SweepException(String message) {
            super(message);
        }

        S3SweepException(Exception cause) {
            super(cause instanceof S3SweepException sweep ? sweep.getMessage()
                    : cause instanceof ErrorResponseException error ? "S3 error " + error.errorResponse().code()
                    : cause.getClass().getSimpleName(), null);
        }
    }
}

package gallery.vision.common.storage;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BlobStore} in one bucket of an S3-compatible server (MinIO, S3Proxy, AWS S3), through the MinIO client.
 *
 * <p>The bucket is created on first use if it is missing (or at start, by {@link #prepare()}), and then given its
 * image expiry rule ({@link S3ImageExpiry}; the ingress' store has one, a worker's none), whose failure is logged and
 * never fails the store. When the server cannot be reached (or refuses us), every
 * call fails with {@link ApiError#BACKEND_UNAVAILABLE}, which clients see as a 503 with {@code Retry-After}; the
 * next call tries again, so the store recovers by itself when the server comes back. An S3 PUT is atomic: readers
 * see the whole object or none.
 *
 * <p>Thread-safe: the MinIO client is, and the bucket check is guarded.
 */
public final class S3BlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final String WHAT = "object storage";

    private final MinioClient client;
    private final String bucket;
    private final S3ImageExpiry imageExpiry;
    private volatile boolean bucketReady;

    /** A store that leaves the bucket's lifecycle rules alone. */
    public S3BlobStore(MinioClient client, String bucket) {
        this(client, bucket, null);
    }

    /** A store that puts the image expiry rule on the bucket once it finds the bucket ({@code null}: no rule). */
    public S3BlobStore(MinioClient client, String bucket, S3ImageExpiry imageExpiry) {
        this.client = client;
        this.bucket = bucket;
        this.imageExpiry = imageExpiry;
    }

    /**
     * Makes sure the bucket exists and holds the image expiry rule; called at start so that the rule is set before
     * the first request. Fails with {@link ApiError#BACKEND_UNAVAILABLE} when the server cannot be reached; the
     * first call of the store that reaches it does the same work then.
     */
    @Override
    public void prepare() {
        ensureBucket();
    }

    @Override
    public Optional<byte[]> get(String key) {
        ensureBucket();
        try (GetObjectResponse object = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return Optional.of(object.readAllBytes());
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw unavailable("get", e);
        } catch (Exception e) {
            throw unavailable("get", e);
        }
    }

    @Override
    public void put(String key, byte[] value) {
        ensureBucket();
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(value), value.length, -1)
                    .contentType(key.endsWith(".json") ? "application/json" : "application/octet-stream")
                    .build());
        } catch (Exception e) {
            throw unavailable("put", e);
        }
    }

    @Override
    public boolean exists(String key) {
        return stat(key).isPresent();
    }

    @Override
    public Optional<Instant> writtenAt(String key) {
        return stat(key).map(stat -> stat.lastModified().toInstant());
    }

    private Optional<StatObjectResponse> stat(String key) {
        ensureBucket();
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw unavailable("stat", e);
        } catch (Exception e) {
            throw unavailable("stat", e);
        }
    }

    @Override
    public void delete(String key) {
        ensureBucket();
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (ErrorResponseException e) {
            if (!isMissing(e)) {
                throw unavailable("delete", e);
            }
        } catch (Exception e) {
            throw unavailable("delete", e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        ensureBucket();
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                keys.add(item.get().objectName());
            }
        } catch (Exception e) {
            throw unavailable("list", e);
        }
        return keys;
    }

    /**
     * Creates the bucket when it is missing and sets its expiry rule; remembered once the bucket is there, retried on
     * every call until then.
     */
    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    log.info("created bucket {}", bucket);
                }
            } catch (ErrorResponseException e) {
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw unavailable("create bucket", e);
                }
            } catch (Exception e) {
                throw unavailable("create bucket", e);
            }
            if (imageExpiry != null) {
                imageExpiry.apply(client, bucket);
            }
            bucketReady = true;
        }
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
    }

    private ApiException unavailable(String operation, Exception e) {
        String reason = e instanceof ErrorResponseException error ? error.errorResponse().code() : e.getClass().getSimpleName();
        log.warn("S3 {} in bucket {} failed: {}", operation, bucket, reason);
        return ApiError.BACKEND_UNAVAILABLE.exception(WHAT);
    }
}

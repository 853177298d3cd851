package gallery.vision.common.storage;

import io.minio.GetBucketLifecycleArgs;
import io.minio.MinioClient;
import io.minio.SetBucketLifecycleArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Expiration;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.LifecycleRule;
import io.minio.messages.NoncurrentVersionExpiration;
import io.minio.messages.RuleFilter;
import io.minio.messages.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Distributed mode's image expiry: a lifecycle rule on the bucket, set when the service finds the bucket, that has
 * the S3 server delete every object below {@link StorageKeys#IMAGES} {@link ImageExpiryProperties#lifecycleDays()}
 * days after it was written (and, in a versioned bucket, the old versions a day after they were replaced). Answers
 * are untouched. Other rules on the bucket are kept; only the rule with the id {@link #RULE_ID} is ours.
 *
 * <p>Lifecycle rules count whole days, so the TTL is rounded up; when the rule runs is up to the server (MinIO's
 * scanner, AWS S3 once a day). MinIO and AWS S3 implement the lifecycle API; S3Proxy does not (it answers
 * {@code NotImplemented}): then, as for any refusal or failure, start-up goes on, the store works, and a warning says
 * that images will not expire. Thread-safe (stateless but for its settings).
 */
public final class S3ImageExpiry {

    /** Id of the service's lifecycle rule in the bucket. */
    public static final String RULE_ID = "gallery-vision-image-expiry";

    private static final Logger log = LoggerFactory.getLogger(S3ImageExpiry.class);
    private static final int NONCURRENT_DAYS = 1;
    private static final String NOT_IMPLEMENTED = "NotImplemented";

    private final ImageExpiryProperties images;

    public S3ImageExpiry(ImageExpiryProperties images) {
        this.images = images;
    }

    /** The rule the bucket should hold. */
    LifecycleRule rule() {
        return new LifecycleRule(Status.ENABLED, null, new Expiration((ZonedDateTime) null, images.lifecycleDays(), null),
                new RuleFilter(StorageKeys.IMAGES), RULE_ID, new NoncurrentVersionExpiration(NONCURRENT_DAYS), null, null);
    }

    /**
     * Puts the rule on the bucket (which exists), unless it is there already. Never throws: a server that refuses or
     * fails is logged, and the service runs on without expiry.
     *
     * @return whether the bucket now holds the rule
     */
    public boolean apply(MinioClient client, String bucket) {
        try {
            LifecycleConfiguration current = currentRules(client, bucket);
            List<LifecycleRule> others = new ArrayList<>();
            if (current != null) {
                for (LifecycleRule rule : current.rules()) {
                    if (RULE_ID.equals(rule.id())) {
                        if (sameAsOurs(rule)) {
                            log.info("stored images in bucket {} expire after {} days (lifecycle rule {} is in place)",
                                    bucket, images.lifecycleDays(), RULE_ID);
                            return true;
                        }
                    } else {
                        others.add(rule);
                    }
                }
            }
            others.add(rule());
            client.setBucketLifecycle(SetBucketLifecycleArgs.builder().bucket(bucket)
                    .config(new LifecycleConfiguration(others)).build());
            log.info("stored images in bucket {} expire after {} days: lifecycle rule {} set on prefix {}{}", bucket,
                    images.lifecycleDays(), RULE_ID, StorageKeys.IMAGES,
                    images.roundedUpForBucket() ? " (IMAGE_TTL " + images.ttl() + " rounded up to whole days)" : "");
            return true;
        } catch (ErrorResponseException e) {
            log.warn("the S3 server refused the image expiry rule ({}): stored images in bucket {} will NOT expire. "
                            + "S3Proxy has no lifecycle API, MinIO and AWS S3 have one. Set a rule on the server that "
                            + "expires prefix {} after {} days, or grant the service s3:PutLifecycleConfiguration",
                    e.errorResponse().code(), bucket, StorageKeys.IMAGES, images.lifecycleDays());
        } catch (Exception e) {
            log.warn("setting the image expiry rule on bucket {} failed ({}): stored images will not expire; "
                    + "it is tried again at the next start", bucket, e.getClass().getSimpleName());
        }
        return false;
    }

    /**
     * The bucket's rules, or null when it has none. A server without the lifecycle API has none either: the rule is
     * still sent, so that the warning says what the server answered to it.
     */
    private static LifecycleConfiguration currentRules(MinioClient client, String bucket) throws Exception {
        try {
            return client.getBucketLifecycle(GetBucketLifecycleArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
            if (NOT_IMPLEMENTED.equals(e.errorResponse().code())) {
                return null;
            }
            throw e;
        }
    }

    private boolean sameAsOurs(LifecycleRule rule) {
        LifecycleRule ours = rule();
        return rule.status() == Status.ENABLED
                && rule.filter() != null && StorageKeys.IMAGES.equals(rule.filter().prefix())
                && rule.expiration() != null && Objects.equals(ours.expiration().days(), rule.expiration().days())
                && rule.noncurrentVersionExpiration() != null
                && rule.noncurrentVersionExpiration().noncurrentDays() == NONCURRENT_DAYS;
    }
}

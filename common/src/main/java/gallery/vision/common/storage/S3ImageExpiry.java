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
 * Distributed mode's bucket rule for image expiry: a lifecycle rule, set by the ingress when it finds the bucket,
 * that has the S3 server delete every object below {@link StorageKeys#IMAGES}
 * {@link ImageExpiryProperties#lifecycleDays()} days after it was written (and, in a versioned bucket, the old
 * versions a day after they were replaced). Answers are untouched. Other rules on the bucket are kept; only the rule
 * with the id {@link #RULE_ID} is ours.
 *
 * <p>The rule counts only once the bucket returns it: after setting it, it is read back
 * ({@code GetBucketLifecycleConfiguration}). Lifecycle rules count whole days, so the TTL is rounded up; when the rule
 * runs is up to the server (MinIO's scanner, AWS S3 once a day). MinIO and AWS S3 implement the lifecycle API;
 * S3Proxy does not (it answers {@code 501 NotImplemented}). Then, as for any refusal or failure, start-up goes on,
 * the store works, and {@link #bucketHoldsRule()} stays false, so that with {@code IMAGE_EXPIRY=auto} the ingress
 * sweeps the bucket instead ({@link S3ImageSweeper}). With {@code IMAGE_EXPIRY=sweep} the bucket's lifecycle
 * configuration is neither read nor written.
 *
 * <p>Thread-safe: {@link #apply} runs under the store's bucket lock; its outcome is published through a volatile.
 */
public final class S3ImageExpiry {

    /** Id of the service's lifecycle rule in the bucket. */
    public static final String RULE_ID = "gallery-vision-image-expiry";

    private static final Logger log = LoggerFactory.getLogger(S3ImageExpiry.class);
    private static final int NONCURRENT_DAYS = 1;
    private static final String NOT_IMPLEMENTED = "NotImplemented";

    private final ImageExpiryProperties images;
    private volatile boolean bucketHoldsRule;

    public S3ImageExpiry(ImageExpiryProperties images) {
        this.images = images;
    }

    /** The rule the bucket should hold. */
    LifecycleRule rule() {
        return new LifecycleRule(Status.ENABLED, null, new Expiration((ZonedDateTime) null, images.lifecycleDays(), null),
                new RuleFilter(StorageKeys.IMAGES), RULE_ID, new NoncurrentVersionExpiration(NONCURRENT_DAYS), null, null);
    }

    /**
     * Whether the bucket was found holding the rule by the last {@link #apply} (false before it ran, and with
     * {@code IMAGE_EXPIRY=sweep}).
     */
    public boolean bucketHoldsRule() {
        return bucketHoldsRule;
    }

    /**
     * Puts the rule on the bucket (which exists), unless it is there already, and reads it back. Never throws: a
     * server that refuses or fails is logged, and the service runs on (sweeping, with {@code IMAGE_EXPIRY=auto}).
     *
     * @return whether the bucket now holds the rule, as read back from it
     */
    public boolean apply(MinioClient client, String bucket) {
        bucketHoldsRule = images.mode().setsBucketRule() && putAndVerify(client, bucket);
        return bucketHoldsRule;
    }

    private boolean putAndVerify(MinioClient client, String bucket) {
        try {
            LifecycleConfiguration current = currentRules(client, bucket);
            if (holdsOurs(current)) {
                log.info("bucket {} enforces image expiry: its lifecycle rule {} deletes {} after {} days",
                        bucket, RULE_ID, StorageKeys.IMAGES, images.lifecycleDays());
                return true;
            }
            client.setBucketLifecycle(SetBucketLifecycleArgs.builder().bucket(bucket)
                    .config(withOurs(current)).build());
            if (!holdsOurs(currentRules(client, bucket))) {
                log.warn("bucket {} accepted the image expiry rule but does not return it: {}", bucket, fallback(bucket));
                return false;
            }
            log.info("bucket {} enforces image expiry: lifecycle rule {} set and read back, {} expires after {} days{}",
                    bucket, RULE_ID, StorageKeys.IMAGES, images.lifecycleDays(),
                    images.roundedUpForBucket() ? " (IMAGE_TTL " + images.ttl() + " rounded up to whole days)" : "");
            return true;
        } catch (ErrorResponseException e) {
            log.warn("the S3 server refused the image expiry rule ({}): {}", e.errorResponse().code(), fallback(bucket));
        } catch (Exception e) {
            log.warn("setting the image expiry rule on bucket {} failed ({}): {}", bucket, e.getClass().getSimpleName(),
                    fallback(bucket));
        }
        return false;
    }

    /** What happens to the images when the bucket does not hold the rule, by {@code IMAGE_EXPIRY}. */
    private String fallback(String bucket) {
        if (images.mode() == ImageExpiryMode.AUTO) {
            return "the ingress deletes stored images in bucket " + bucket + " older than IMAGE_TTL by sweeping "
                    + StorageKeys.IMAGES + " every IMAGE_SWEEP_INTERVAL instead";
        }
        return "stored images in bucket " + bucket + " will NOT expire (IMAGE_EXPIRY=lifecycle). S3Proxy has no "
                + "lifecycle API, MinIO and AWS S3 have one: grant the service s3:PutLifecycleConfiguration and "
                + "s3:GetLifecycleConfiguration, or set IMAGE_EXPIRY=auto or sweep";
    }

    /** The bucket's rules with ours in place of any earlier version of it. */
    private LifecycleConfiguration withOurs(LifecycleConfiguration current) {
        List<LifecycleRule> rules = new ArrayList<>();
        if (current != null) {
            current.rules().stream().filter(rule -> !RULE_ID.equals(rule.id())).forEach(rules::add);
        }
        rules.add(rule());
        return new LifecycleConfiguration(rules);
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

    private boolean holdsOurs(LifecycleConfiguration rules) {
        return rules != null && rules.rules().stream().anyMatch(rule -> RULE_ID.equals(rule.id()) && sameAsOurs(rule));
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

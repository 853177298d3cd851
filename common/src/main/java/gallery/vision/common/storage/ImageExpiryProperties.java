package gallery.vision.common.storage;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long stored images are kept (stored answers are not affected: they stay until their model changes).
 *
 * <p>Embedded mode deletes image files older than {@code ttl} under {@code DATA_DIR} every {@code sweepInterval}.
 * Distributed mode expires them as {@code expiry} says ({@link ImageExpiryMode}): a lifecycle rule on the bucket's
 * image prefix, set by the ingress at start, and where the bucket does not hold it a sweep of the bucket by the
 * ingress every {@code sweepInterval}. An S3 lifecycle rule counts whole days, so the bucket keeps an image for
 * {@link #lifecycleDays()}: the TTL rounded up to whole days; the sweep keeps the TTL as it is.
 *
 * @param ttl           {@code IMAGE_TTL}: age after which a stored image is deleted, at least one minute
 * @param sweepInterval {@code IMAGE_SWEEP_INTERVAL}: how often expired images are looked for (embedded mode, and
 *                      distributed mode when it sweeps), at least one second
 * @param expiry        {@code IMAGE_EXPIRY}: distributed mode, {@code auto} (default), {@code lifecycle} or
 *                      {@code sweep}
 */
@Validated
@ConfigurationProperties("gallery.images")
public record ImageExpiryProperties(
        @DefaultValue("7d") @NotNull(message = "IMAGE_TTL must be set") Duration ttl,
        @DefaultValue("1h") @NotNull(message = "IMAGE_SWEEP_INTERVAL must be set") Duration sweepInterval,
        @DefaultValue("auto") @Pattern(regexp = ImageExpiryMode.SETTINGS,
                message = "IMAGE_EXPIRY must be auto, lifecycle or sweep") String expiry) {

    private static final Duration DAY = Duration.ofDays(1);

    public ImageExpiryProperties {
        expiry = expiry == null ? ImageExpiryMode.AUTO.setting() : expiry;
    }

    /** The parsed {@code IMAGE_EXPIRY}. */
    public ImageExpiryMode mode() {
        return ImageExpiryMode.fromSetting(expiry);
    }

    /** The TTL in whole days, rounded up (a bucket never deletes an image earlier than {@code IMAGE_TTL} says). */
    public int lifecycleDays() {
        long days = ttl.plus(DAY).minusNanos(1).toDays();
        return (int) Math.max(1, Math.min(days, Integer.MAX_VALUE));
    }

    /** Whether the bucket's rule keeps images longer than {@code IMAGE_TTL} says (it is not a whole number of days). */
    public boolean roundedUpForBucket() {
        return !ttl.equals(DAY.multipliedBy(lifecycleDays()));
    }

    @AssertTrue(message = "IMAGE_TTL must be at least 1m (e.g. 7d, 36h)")
    public boolean isTtlValid() {
        return ttl == null || ttl.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    @AssertTrue(message = "IMAGE_SWEEP_INTERVAL must be at least 1s (e.g. 1h, 10m)")
    public boolean isSweepIntervalValid() {
        return sweepInterval == null || sweepInterval.compareTo(Duration.ofSeconds(1)) >= 0;
    }
}

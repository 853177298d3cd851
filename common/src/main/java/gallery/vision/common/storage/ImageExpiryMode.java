package gallery.vision.common.storage;

import java.util.Locale;

/**
 * How distributed mode expires stored images ({@code IMAGE_EXPIRY}); embedded mode always sweeps its files.
 *
 * <ul>
 *   <li>{@link #AUTO} ({@code auto}, the default): a lifecycle rule on the bucket, and where the bucket does not
 *       hold it (S3Proxy answers {@code 501 NotImplemented}, credentials without the right, a server that drops it),
 *       the ingress' sweep of the bucket;</li>
 *   <li>{@link #LIFECYCLE} ({@code lifecycle}): the rule only; a bucket that refuses it keeps images forever;</li>
 *   <li>{@link #SWEEP} ({@code sweep}): the sweep only; the bucket's lifecycle configuration is not touched.</li>
 * </ul>
 */
public enum ImageExpiryMode {
    AUTO,
    LIFECYCLE,
    SWEEP;

    /** Every value as written in {@code IMAGE_EXPIRY}, as a regular expression for validation. */
    static final String SETTINGS = "auto|lifecycle|sweep";

    /** The value as written in {@code IMAGE_EXPIRY}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an {@code IMAGE_EXPIRY} value (case-insensitive); unknown values fail naming the setting. */
    public static ImageExpiryMode fromSetting(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ImageExpiryMode mode : values()) {
            if (mode.setting().equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("IMAGE_EXPIRY must be auto, lifecycle or sweep, got '" + value + "'");
    }

    /** Whether the service puts its lifecycle rule on the bucket. */
    public boolean setsBucketRule() {
        return this != SWEEP;
    }

    /** Whether the ingress sweeps the bucket, given whether the bucket was found to hold the rule. */
    public boolean sweeps(boolean bucketHoldsRule) {
        return this == SWEEP || this == AUTO && !bucketHoldsRule;
    }

    @Override
    public String toString() {
        return setting();
    }
}

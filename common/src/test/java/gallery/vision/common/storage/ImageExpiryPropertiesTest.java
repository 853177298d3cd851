package gallery.vision.common.storage;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code IMAGE_TTL}, {@code IMAGE_SWEEP_INTERVAL} and {@code IMAGE_EXPIRY}: whole days for a bucket, when the
 * bucket is swept, and bad values stop start-up.
 */
class ImageExpiryPropertiesTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner embedded() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(FileStorageConfiguration.class)
                .withBean(FileBlobStore.class, () -> new FileBlobStore(dataDir));
    }

    @ParameterizedTest
    @CsvSource({"7d, 7, false", "1d, 1, false", "36h, 2, true", "24h, 1, false", "1m, 1, true", "3d1s, 4, true"})
    void roundsTheTtlUpToWholeDaysForABucketRule(String ttl, int days, boolean rounded) {
        ImageExpiryProperties images = S3ImageExpiryTest.expiry(ttl.replace("3d1s", "259201s"));

        assertThat(images.lifecycleDays()).isEqualTo(days);
        assertThat(images.roundedUpForBucket()).isEqualTo(rounded);
    }

    @ParameterizedTest
    @CsvSource({"auto, true, false", "auto, false, true", "sweep, true, true", "sweep, false, true",
            "lifecycle, true, false", "lifecycle, false, false"})
    void sweepsTheBucketAsImageExpirySaysForWhatTheBucketHolds(String setting, boolean bucketHoldsRule, boolean sweeps) {
        assertThat(ImageExpiryMode.fromSetting(setting).sweeps(bucketHoldsRule)).isEqualTo(sweeps);
    }

    @Test
    void setsTheBucketRuleUnlessOnlyTheSweepIsWanted() {
        assertThat(ImageExpiryMode.AUTO.setsBucketRule()).isTrue();
        assertThat(ImageExpiryMode.LIFECYCLE.setsBucketRule()).isTrue();
        assertThat(ImageExpiryMode.SWEEP.setsBucketRule()).isFalse();
    }

    @Test
    void startsTheSweeperInEmbeddedModeWithSevenDaysByDefault() {
        embedded().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FileStoreSweeper.class);
            assertThat(context.getBean(ImageExpiryProperties.class).ttl()).isEqualTo(java.time.Duration.ofDays(7));
        });
    }

    @Test
    void failsAtStartNamingImageTtlWhenItIsShorterThanAMinute() {
        embedded().withPropertyValues("gallery.images.ttl=30s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("IMAGE_TTL"));
    }

    @Test
    void failsAtStartNamingImageTtlWhenItIsNoDuration() {
        embedded().withPropertyValues("gallery.images.ttl=a week")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("a week"));
    }

    @Test
    void failsAtStartNamingImageSweepIntervalWhenItIsZero() {
        embedded().withPropertyValues("gallery.images.sweep-interval=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("IMAGE_SWEEP_INTERVAL"));
    }
}

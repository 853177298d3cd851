package gallery.vision.common.storage;

import gallery.vision.common.DeploymentProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 settings: a usable set gives an S3 store; an unusable one stops start-up naming its environment variable.
 * Image expiry (rule and sweep) comes only with {@link S3ImageExpiryConfiguration}, which the ingress imports.
 */
class S3StorageConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(S3StorageConfiguration.class)
            .withPropertyValues("spring.profiles.active=" + DeploymentProfiles.DISTRIBUTED,
                    "gallery.s3.endpoint=http://127.0.0.1:9000", "gallery.s3.access-key=key",
                    "gallery.s3.secret-key=secret", "gallery.s3.bucket=gallery-vision", "gallery.s3.region=us-east-1",
                    "gallery.images.ttl=7d", "gallery.images.sweep-interval=1h");

    @Test
    void providesAnS3StoreInDistributedMode() {
        runner.run(context -> assertThat(context).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class));
    }

    @Test
    void leavesTheBucketsLifecycleAloneWithoutTheImageExpiryConfiguration() {
        runner.run(context -> assertThat(context).doesNotHaveBean(S3ImageExpiry.class)
                .doesNotHaveBean(S3ImageSweeper.class));
    }

    @Test
    void givesTheIngressTheBucketRuleAndTheSweeperWithAutoExpiryByDefault() {
        ingress().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(S3ImageExpiry.class).hasSingleBean(S3ImageSweeper.class);
            assertThat(context.getBean(ImageExpiryProperties.class).mode()).isEqualTo(ImageExpiryMode.AUTO);
        });
    }

    @Test
    void failsAtStartNamingImageExpiryWhenItIsNoKnownMode() {
        ingress().withPropertyValues("gallery.images.expiry=never")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("IMAGE_EXPIRY"));
    }

    @Test
    void providesNoStoreOutsideDistributedMode() {
        runner.withPropertyValues("spring.profiles.active=default")
                .run(context -> assertThat(context).doesNotHaveBean(BlobStore.class));
    }

    @Test
    void failsAtStartNamingS3BucketWhenTheBucketNameIsInvalid() {
        runner.withPropertyValues("gallery.s3.bucket=Not_A_Bucket")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("S3_BUCKET"));
    }

    @Test
    void failsAtStartNamingImageTtlWhenItIsShorterThanAMinute() {
        ingress().withPropertyValues("gallery.images.ttl=10s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("IMAGE_TTL"));
    }

    @Test
    void failsAtStartNamingImageSweepIntervalWhenItIsShorterThanASecond() {
        ingress().withPropertyValues("gallery.images.sweep-interval=500ms")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("IMAGE_SWEEP_INTERVAL"));
    }

    @Test
    void failsAtStartNamingS3EndpointWhenItIsNotAnHttpUrl() {
        runner.withPropertyValues("gallery.s3.endpoint=minio:9000")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("S3_ENDPOINT"));
    }

    private ApplicationContextRunner ingress() {
        return runner.withUserConfiguration(S3ImageExpiryConfiguration.class);
    }
}

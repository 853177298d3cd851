package gallery.vision.common.storage;

import gallery.vision.common.DeploymentProfiles;
import io.minio.MinioClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;

/**
 * Distributed mode's image expiry, owned by the ingress alone (only its configuration imports this one; workers
 * leave the bucket's lifecycle alone and never sweep). The ingress is the one writer of stored images and runs as
 * one or a few replicas, while workers come and go with the load: one sweeper per ingress replica lists the bucket
 * a few times a day, where one per worker would multiply those listings. Several ingress replicas sweeping at once do
 * no harm: deletes are idempotent.
 *
 * <p>With {@link S3StorageConfiguration} this gives the S3 store its {@link S3ImageExpiry} (the bucket's lifecycle
 * rule, set and read back when the store finds the bucket) and starts the {@link S3ImageSweeper} once the service
 * is ready, which sweeps as {@code IMAGE_EXPIRY} says.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@EnableConfigurationProperties(ImageExpiryProperties.class)
public class S3ImageExpiryConfiguration {

    @Bean
    S3ImageExpiry s3ImageExpiry(ImageExpiryProperties images) {
        return new S3ImageExpiry(images);
    }

    /** The sweeper; it decides at its first round, once the bucket is ready, whether it has anything to do. */
    @Bean
    S3ImageSweeper s3ImageSweeper(MinioClient client, S3Properties s3, BlobStore store, S3ImageExpiry expiry,
                                  ImageExpiryProperties images) {
        return S3ImageSweeper.of(client, s3.bucket(), store, expiry, images, Clock.systemUTC());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startImageSweeper(S3ImageSweeper sweeper) {
        return event -> sweeper.start();
    }
}

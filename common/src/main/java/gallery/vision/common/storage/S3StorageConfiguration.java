package gallery.vision.common.storage;

import gallery.vision.common.ApiException;
import gallery.vision.common.DeploymentProfiles;
import io.minio.MinioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Duration;

/**
 * Distributed mode's storage: images and answers in an S3 bucket, shared by ingress and every worker. Where
 * {@link S3ImageExpiryConfiguration} is imported too (the ingress), the store sets the bucket's image expiry rule
 * ({@link S3ImageExpiry}) when it finds the bucket; elsewhere (workers) the bucket's lifecycle is left alone.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@EnableConfigurationProperties(S3Properties.class)
public class S3StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(S3StorageConfiguration.class);

    /** Short, so that a server that is down turns into a prompt 503 rather than a hung request. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    MinioClient minioClient(S3Properties s3) {
        return MinioClients.create(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region(),
                CONNECT_TIMEOUT, IO_TIMEOUT);
    }

    @Bean
    S3BlobStore s3BlobStore(MinioClient client, S3Properties s3, ObjectProvider<S3ImageExpiry> imageExpiry) {
        return new S3BlobStore(client, s3.bucket(), imageExpiry.getIfAvailable());
    }

    /**
     * Finds (or creates) the bucket, and sets its image expiry rule where there is one, once the service is up; a
     * server down waits.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> prepareBucket(BlobStore store, S3Properties s3) {
        return event -> {
            try {
                store.prepare();
            } catch (ApiException e) {
                log.warn("object storage (bucket {}) is not reachable at start; the bucket and its image expiry rule are "
                        + "set up on first use", s3.bucket());
            }
        };
    }
}

package gallery.vision.common.storage;

import gallery.vision.common.DeploymentProfiles;
import io.minio.MinioClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Duration;

/** Distributed mode's storage: images and answers in an S3 bucket, shared by ingress and every worker. */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@EnableConfigurationProperties(S3Properties.class)
public class S3StorageConfiguration {

    /** Short, so that a server that is down turns into a prompt 503 rather than a hung request. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    MinioClient minioClient(S3Properties s3) {
        return MinioClients.create(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region(),
                CONNECT_TIMEOUT, IO_TIMEOUT);
    }

    @Bean
    BlobStore s3BlobStore(MinioClient client, S3Properties s3) {
        return new S3BlobStore(client, s3.bucket());
    }
}

package gallery.vision.worker.storage;

import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.S3BlobStore;
import io.minio.MinioClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.util.concurrent.TimeUnit;

/** Distributed mode's storage: images and answers in an S3 bucket, shared by ingress and every worker. */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
@EnableConfigurationProperties(S3Properties.class)
public class S3StorageConfiguration {

    @Bean
    MinioClient minioClient(S3Properties s3) {
        MinioClient client = MinioClient.builder()
                .endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region())
                .build();
        // Fail fast when the server is down (the default waits minutes), so clients get their 503 promptly.
        client.setTimeout(TimeUnit.SECONDS.toMillis(5), TimeUnit.SECONDS.toMillis(30), TimeUnit.SECONDS.toMillis(30));
        return client;
    }

    @Bean
    BlobStore s3BlobStore(MinioClient client, S3Properties s3) {
        return new S3BlobStore(client, s3.bucket());
    }
}

package gallery.vision.common.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible server that holds images and answers in distributed mode (MinIO, S3Proxy, AWS S3).
 *
 * @param endpoint  {@code S3_ENDPOINT}: base URL of the server, e.g. {@code http://minio:9000}
 * @param accessKey {@code S3_ACCESS_KEY}
 * @param secretKey {@code S3_SECRET_KEY}
 * @param bucket    {@code S3_BUCKET}: created on first use if it is missing
 * @param region    {@code S3_REGION}
 */
@Validated
@ConfigurationProperties("gallery.s3")
public record S3Properties(
        @NotBlank(message = "S3_ENDPOINT must be set")
        @Pattern(regexp = "https?://.+", message = "S3_ENDPOINT must be an http:// or https:// URL") String endpoint,
        @NotBlank(message = "S3_ACCESS_KEY must be set") String accessKey,
        @NotBlank(message = "S3_SECRET_KEY must be set") String secretKey,
        @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "S3_BUCKET must be a valid S3 bucket name")
        String bucket,
        @NotBlank(message = "S3_REGION must be set") String region) {

    /** Never shows the secret key, wherever the settings end up printed. */
    @Override
    public String toString() {
        return "S3Properties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=(redacted), bucket="
                + bucket + ", region=" + region + "]";
    }
}

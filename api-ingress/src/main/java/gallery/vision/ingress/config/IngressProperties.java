package gallery.vision.ingress.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Limits of the HTTP front.
 *
 * @param maxBytes       {@code MAX_BYTES} (or the seed's {@code MAX_BYES}): largest request body accepted
 * @param requestTimeout {@code REQUEST_TIMEOUT}: longest wait for an answer before a 504
 * @param retryAfter     {@code RETRY_AFTER}: the {@code Retry-After} advice sent with every 503
 */
@Validated
@ConfigurationProperties("gallery.ingress")
public record IngressProperties(@NotNull(message = "MAX_BYTES must be set") DataSize maxBytes,
                                @NotNull(message = "REQUEST_TIMEOUT must be set") Duration requestTimeout,
                                @NotNull(message = "RETRY_AFTER must be set") Duration retryAfter) {

    public IngressProperties {
        if (maxBytes != null && maxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("MAX_BYTES must be a positive size, got " + maxBytes);
        }
        if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
            throw new IllegalArgumentException("REQUEST_TIMEOUT must be a positive duration, got " + requestTimeout);
        }
    }
}

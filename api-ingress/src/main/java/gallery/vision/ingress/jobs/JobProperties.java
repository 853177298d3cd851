package gallery.vision.ingress.jobs;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Asynchronous jobs ({@code POST /jobs}).
 *
 * @param ttl           {@code JOB_TTL}: how long a finished job can still be read; its stored answers stay
 * @param sweepInterval {@code JOB_SWEEP_INTERVAL}: how often finished jobs older than the TTL are forgotten
 * @param retryAfter    {@code JOB_RETRY_AFTER}: the {@code Retry-After} advice sent while a job is not finished
 */
@Validated
@ConfigurationProperties("gallery.async-jobs")
public record JobProperties(@NotNull(message = "JOB_TTL must be set") Duration ttl,
                            @NotNull(message = "JOB_SWEEP_INTERVAL must be set") Duration sweepInterval,
                            @NotNull(message = "JOB_RETRY_AFTER must be set") Duration retryAfter) {

    public JobProperties {
        requirePositive("JOB_TTL", ttl);
        requirePositive("JOB_SWEEP_INTERVAL", sweepInterval);
        requirePositive("JOB_RETRY_AFTER", retryAfter);
    }

    private static void requirePositive(String variable, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(variable + " must be a positive duration, got " + value);
        }
    }
}

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
 * @param waitMax       {@code JOB_WAIT_MAX}: the longest {@code GET /jobs/{id}?wait=} held; longer waits are cut to it
 * @param waitRecheck   {@code JOB_WAIT_RECHECK}: distributed mode: how often a waited-for job is looked at again in
 *                      the store for answers the workers stored (embedded mode is told at once)
 */
@Validated
@ConfigurationProperties("gallery.async-jobs")
public record JobProperties(@NotNull(message = "JOB_TTL must be set") Duration ttl,
                            @NotNull(message = "JOB_SWEEP_INTERVAL must be set") Duration sweepInterval,
                            @NotNull(message = "JOB_RETRY_AFTER must be set") Duration retryAfter,
                            @NotNull(message = "JOB_WAIT_MAX must be set") Duration waitMax,
                            @NotNull(message = "JOB_WAIT_RECHECK must be set") Duration waitRecheck) {

    public JobProperties {
        requirePositive("JOB_TTL", ttl);
        requirePositive("JOB_SWEEP_INTERVAL", sweepInterval);
        requirePositive("JOB_RETRY_AFTER", retryAfter);
        requirePositive("JOB_WAIT_MAX", waitMax);
        requirePositive("JOB_WAIT_RECHECK", waitRecheck);
    }

    private static void requirePositive(String variable, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(variable + " must be a positive duration, got " + value);
        }
    }
}

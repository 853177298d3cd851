package gallery.vision.common.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The shared job queue; ingress and workers declare it alike, so both must see the same values.
 *
 * @param deliveryLimit {@code JOB_DELIVERY_LIMIT}: failed deliveries (a crash, a worker killed mid-job) a job may
 *                      have before it is dead-lettered and its request answered with an error
 */
@Validated
@ConfigurationProperties("gallery.jobs")
public record JobQueueProperties(
        @Min(value = 1, message = "JOB_DELIVERY_LIMIT must be at least 1")
        @Max(value = 100, message = "JOB_DELIVERY_LIMIT must be at most 100") int deliveryLimit) {
}

package gallery.vision.ingress.dispatch.amqp;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How distributed mode's ingress hands images to the workers.
 *
 * @param inlineImageLimit {@code INLINE_IMAGE_LIMIT}: a JPEG up to this size travels inside its job message, so the
 *                         worker fetches nothing (Home Gallery's previews are 20-200 KB); a larger one is stored in
 *                         the bucket first and the job only names it. {@code 0} sends no image along.
 * @param recentAnswers    {@code RECENT_ANSWERS_MEMORY}: answers read from the bucket kept in memory, in bytes, so
 *                         an image asked again costs no S3 read; {@code 0} keeps none
 */
@Validated
@ConfigurationProperties("gallery.distributed")
public record DistributedDispatchProperties(
        @NotNull(message = "INLINE_IMAGE_LIMIT must be set") DataSize inlineImageLimit,
        @NotNull(message = "RECENT_ANSWERS_MEMORY must be set") DataSize recentAnswers) {

    /** RabbitMQ's own default limit is 128 MiB; jobs stay far below it so the broker's memory is not the queue. */
    static final DataSize LARGEST_INLINE_IMAGE = DataSize.ofMegabytes(16);

    public DistributedDispatchProperties {
        if (inlineImageLimit != null && (inlineImageLimit.isNegative()
                || inlineImageLimit.compareTo(LARGEST_INLINE_IMAGE) > 0)) {
            throw new IllegalArgumentException("INLINE_IMAGE_LIMIT must be between 0 and " + LARGEST_INLINE_IMAGE
                    + ", got " + inlineImageLimit);
        }
        if (recentAnswers != null && recentAnswers.isNegative()) {
            throw new IllegalArgumentException("RECENT_ANSWERS_MEMORY must not be negative, got " + recentAnswers);
        }
    }
}

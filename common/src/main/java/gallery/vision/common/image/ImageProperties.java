package gallery.vision.common.image;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the images this service decodes.
 *
 * @param maxPixels {@code MAX_PIXELS}: largest width x height a JPEG frame header may declare
 */
@Validated
@ConfigurationProperties("gallery.image")
public record ImageProperties(@Positive(message = "MAX_PIXELS must be a positive number of pixels") long maxPixels) {
}

package gallery.vision.ingress.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The bound on decoded pixels held at once (see {@link gallery.vision.common.image.PixelBudget}).
 *
 * @param pixelBudget {@code DECODE_PIXEL_BUDGET}: pixels that decoded images may hold at once, from decoding until
 *                    their analysis has finished
 * @param maxWait     {@code DECODE_WAIT}: how long a request waits for room in the budget before a 503
 */
@Validated
@ConfigurationProperties("gallery.decode")
public record DecodeProperties(
        @Positive(message = "DECODE_PIXEL_BUDGET must be a positive number of pixels")
        @Max(value = Integer.MAX_VALUE, message = "DECODE_PIXEL_BUDGET must be at most 2147483647 pixels")
        long pixelBudget,
        @NotNull(message = "DECODE_WAIT must be set") Duration maxWait) {

    public DecodeProperties {
        if (maxWait != null && maxWait.isNegative()) {
            throw new IllegalArgumentException("DECODE_WAIT must not be negative, got " + maxWait);
        }
    }
}

package gallery.vision.worker.models;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which variant of every model the worker loads.
 *
 * @param precision {@code MODEL_PRECISION}: {@code fp32} (default, the converted float32 models) or {@code int8} (their
 *                  statically quantised variants, faster on CPU, with the parity loss measured in
 *                  {@code docs/int8.md}); answers computed in int8 report the version with {@code -int8}
 */
@Validated
@ConfigurationProperties("gallery.models")
public record ModelPrecisionProperties(
        @Pattern(regexp = "(?i)\\s*(fp32|int8)\\s*", message = "MODEL_PRECISION must be fp32 or int8")
        String precision) {

    /** The property {@code MODEL_PRECISION} is bound to. */
    static final String PROPERTY = "gallery.models.precision";
}

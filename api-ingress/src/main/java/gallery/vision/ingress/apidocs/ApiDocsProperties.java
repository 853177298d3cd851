package gallery.vision.ingress.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The API description's switch.
 *
 * @param enabled {@code API_DOCS}: serve the OpenAPI document at {@code /v3/api-docs} and Swagger UI at
 *                {@code /swagger-ui.html}; off by default, and then those paths answer 404
 */
@Validated
@ConfigurationProperties("gallery.api-docs")
public record ApiDocsProperties(boolean enabled) {
}

package gallery.vision.ingress.apidocs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the maintained API description ({@code openapi/gallery-vision.yaml}) through springdoc when
 * {@code API_DOCS=true}: springdoc's {@code /v3/api-docs} answers the file's content, and its Swagger UI (from the
 * swagger-ui webjar) reads it. The file, not springdoc's scan of the controllers, is the description: the analysis
 * routes read raw bodies and answer stored JSON bytes, which a scan cannot describe without an annotation on every
 * line; a file reads as the contract it is and {@code ApiDocsCoverageTest} keeps it exact. A file that does not
 * parse fails the start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsConfiguration {

    static final String DOCUMENT = "openapi/gallery-vision.yaml";

    @Bean
    @ConditionalOnBooleanProperty("gallery.api-docs.enabled")
    OpenApiCustomizer maintainedApiDescription() {
        OpenAPI maintained = load();
        return generated -> {
            generated.setOpenapi(maintained.getOpenapi());
            generated.setInfo(maintained.getInfo());
            generated.setServers(maintained.getServers());
            generated.setSecurity(maintained.getSecurity());
            generated.setTags(maintained.getTags());
            generated.setPaths(maintained.getPaths());
            generated.setComponents(maintained.getComponents());
            generated.setWebhooks(maintained.getWebhooks());
            generated.setExtensions(maintained.getExtensions());
        };
    }

    static OpenAPI load() {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the API description " + DOCUMENT + " cannot be read", e);
        }
    }
}

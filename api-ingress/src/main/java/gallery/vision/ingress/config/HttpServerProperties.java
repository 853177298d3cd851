package gallery.vision.ingress.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * What one connection may hold of the HTTP server, so that slow or idle clients cannot block the others.
 *
 * @param bodyReadTimeout   {@code BODY_READ_TIMEOUT}: longest time to receive a whole request body (408 after it)
 * @param connectionTimeout {@code CONNECTION_TIMEOUT}: longest wait for the request line after connecting, and for
 *                          any further bytes of the headers
 * @param keepAliveTimeout  {@code KEEP_ALIVE_TIMEOUT}: how long an idle connection is kept open between requests
 * @param maxConnections    {@code MAX_CONNECTIONS}: connections open at once; further ones wait in the listen
 *                          backlog
 */
@Validated
@ConfigurationProperties("gallery.http")
public record HttpServerProperties(@NotNull(message = "BODY_READ_TIMEOUT must be set") Duration bodyReadTimeout,
                                   @NotNull(message = "CONNECTION_TIMEOUT must be set") Duration connectionTimeout,
                                   @NotNull(message = "KEEP_ALIVE_TIMEOUT must be set") Duration keepAliveTimeout,
                                   @Positive(message = "MAX_CONNECTIONS must be positive") int maxConnections) {

    public HttpServerProperties {
        positive(bodyReadTimeout, "BODY_READ_TIMEOUT");
        positive(connectionTimeout, "CONNECTION_TIMEOUT");
        positive(keepAliveTimeout, "KEEP_ALIVE_TIMEOUT");
    }

    private static void positive(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(name + " must be a positive duration (under 24 days), got " + value);
        }
    }
}

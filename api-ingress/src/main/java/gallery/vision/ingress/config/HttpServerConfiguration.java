package gallery.vision.ingress.config;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@link HttpServerProperties} to Tomcat's connector (after Spring Boot's own {@code server.tomcat.*}
 * customizer, so these settings win). Request bodies are read without blocking a thread, by
 * {@link gallery.vision.ingress.web.body.BodyReadFilter}; these limits bound what idle and slow connections hold.
 */
@Configuration(proxyBeanMethods = false)
public class HttpServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionLimits(HttpServerProperties http) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setConnectionTimeout((int) http.connectionTimeout().toMillis());
                protocol.setKeepAliveTimeout((int) http.keepAliveTimeout().toMillis());
                protocol.setMaxConnections(http.maxConnections());
            }
        });
    }
}

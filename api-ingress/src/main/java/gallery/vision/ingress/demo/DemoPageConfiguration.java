package gallery.vision.ingress.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the {@link DemoPage} files when {@code DEMO_PAGE=true}; otherwise its router matches nothing, and {@code /}
 * answers the JSON 404 as any unknown route. The files are read once at start-up (a few kilobytes) and served with a
 * Content-Security-Policy that lets the page load nothing but its own files and talk to nothing but this origin.
 */
@Configuration(proxyBeanMethods = false)
class DemoPageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoPageConfiguration.class);

    /** Own scripts and styles only; photos shown from blob: and data: URLs; requests to this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> demoPage(DemoPageProperties settings) {
        if (!settings.enabled()) {
            return request -> Optional.empty();
        }
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (Map.Entry<String, DemoPage.Asset> file : DemoPage.ASSETS.entrySet()) {
            DemoPage.Asset asset = file.getValue();
            byte[] content = read(asset.resource());
            routes.GET(file.getKey(), request -> ServerResponse.ok()
                    .contentType(asset.type())
                    .cacheControl(CacheControl.noCache())
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .body(content));
        }
        log.info("demo page served at / (DEMO_PAGE=true)");
        return routes.build();
    }

    private static byte[] read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("demo page file " + resource + " is missing from the jar", e);
        }
    }
}

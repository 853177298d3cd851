package gallery.vision.ingress.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;

/**
 * Whether the ingress serves its demo page.
 *
 * @param page {@code DEMO_PAGE}: {@code true} serves a demo page at {@code /} (pick or drop a photo, see its faces,
 *             objects and most similar photos of the session); {@code false} (the default) leaves {@code /} a 404.
 *             Read as text and checked here, so that a wrong value fails at start-up naming the variable.
 */
@ConfigurationProperties("gallery.demo")
public record DemoPageProperties(String page) {

    public DemoPageProperties {
        String value = page == null || page.isBlank() ? "false" : page.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("DEMO_PAGE must be true or false, got '" + page.strip() + "'");
        }
        page = value;
    }

    /** Whether the page is served. */
    public boolean enabled() {
        return page.equals("true");
    }
}

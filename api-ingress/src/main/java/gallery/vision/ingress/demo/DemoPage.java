package gallery.vision.ingress.demo;

import org.springframework.http.MediaType;

import java.util.Map;

/**
 * The demo page's files: which URL path serves which file of {@code classpath:demo/}. The one list both the router
 * ({@link DemoPageConfiguration}) and the access filter's allow-list use, so the filter opens exactly the files that
 * are served, and nothing else. The files hold no data: everything the page shows comes from the API routes, which
 * keep their token check.
 */
public final class DemoPage {

    /** A file of the page: its classpath location and its content type. */
    record Asset(String resource, MediaType type) {
    }

    static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("demo/index.html", MediaType.parseMediaType("text/html;charset=UTF-8")),
            "/demo/demo.css", new Asset("demo/demo.css", MediaType.parseMediaType("text/css;charset=UTF-8")),
            "/demo/demo.js", new Asset("demo/demo.js", MediaType.parseMediaType("text/javascript;charset=UTF-8")));

    private DemoPage() {
    }

    /** Whether {@code method} on {@code path} (decoded and normalised) is a GET of one of the page's files. */
    public static boolean isAsset(String method, String path) {
        return "GET".equals(method) && ASSETS.containsKey(path);
    }
}

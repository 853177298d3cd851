package gallery.vision.ingress.access;

/**
 * The routes open to all when access tokens are set: liveness and readiness probes. Every other route needs a
 * bearer token. Used by {@link AccessFilter} and by the route documentation. Stateless, thread-safe.
 */
public final class OpenRoutes {

    private OpenRoutes() {
    }

    /** Matched on the decoded, normalised servlet path. */
    public static boolean isOpen(String path) {
        return path.equals("/health") || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }
}

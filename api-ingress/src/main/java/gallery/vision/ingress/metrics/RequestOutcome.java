package gallery.vision.ingress.metrics;

/**
 * The {@code outcome} tag of {@code gallery_vision_request_seconds}: what an analysis request ended with, from its
 * HTTP status and whether the answer came from the store. Stateless, thread-safe.
 */
public enum RequestOutcome {
    /** 200, computed for this request (or joined a job another request had dispatched). */
    OK("ok"),
    /** 200 from the stored answers, without an analysis. */
    CACHED("cached"),
    /** Any 4xx: bad or oversized input, wrong media type or method, missing token, rate limit, body read timeout. */
    CLIENT_ERROR("client_error"),
    /** 503: model not installed, queue full, decode budget busy, broker or bucket unavailable. */
    UNAVAILABLE("unavailable"),
    /** 504: no answer within {@code REQUEST_TIMEOUT}. */
    TIMEOUT("timeout"),
    /** Any other status: 500 and the like. */
    ERROR("error");

    private final String tag;

    RequestOutcome(String tag) {
        this.tag = tag;
    }

    /** The tag value as Prometheus shows it. */
    public String tag() {
        return tag;
    }

    public static RequestOutcome of(int status, boolean cached) {
        if (status >= 200 && status < 300) {
            return cached ? CACHED : OK;
        }
        if (status >= 400 && status < 500) {
            return CLIENT_ERROR;
        }
        return switch (status) {
            case 503 -> UNAVAILABLE;
            case 504 -> TIMEOUT;
            default -> ERROR;
        };
    }
}

package gallery.vision.ingress.web.body;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The request body as {@link BodyReadFilter} received it: whole, within {@code MAX_BYTES} and {@code BODY_READ_TIMEOUT}.
 * Controllers of routes that take a JPEG body ask here instead of reading the request themselves.
 */
@Component
public class RequestBodies {

    private static final String ATTRIBUTE = RequestBodies.class.getName() + ".body";

    /** The body of a request that {@link BodyReadFilter} has read. */
    public byte[] read(HttpServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof byte[] body)) {
            throw new IllegalStateException("request body was not read by " + BodyReadFilter.class.getSimpleName());
        }
        return body;
    }

    static void attach(HttpServletRequest request, byte[] body) {
        request.setAttribute(ATTRIBUTE, body);
    }
}

package gallery.vision.ingress.web;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.ingress.config.IngressProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The one place that turns an {@link ApiError} into an HTTP answer: its status, {@code {"error": "..."}} as JSON
 * whatever the client accepts, and {@code Retry-After} on a 503.
 */
@Component
public class ApiErrorRenderer {

    private final JsonMapper json;
    private final IngressProperties ingress;

    public ApiErrorRenderer(JsonMapper json, IngressProperties ingress) {
        this.json = json;
        this.ingress = ingress;
    }

    public ResponseEntity<byte[]> render(ApiException exception) {
        return render(exception.error(), exception.getMessage(), HttpHeaders.EMPTY);
    }

    public ResponseEntity<byte[]> render(ApiError error, String message, HttpHeaders extraHeaders) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(extraHeaders);
        if (error.retryable()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ingress.retryAfter().toSeconds())));
        }
        return response.body(json.writeValueAsBytes(Map.of("error", message)));
    }
}

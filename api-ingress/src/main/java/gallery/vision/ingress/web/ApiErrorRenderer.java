package gallery.vision.ingress.web;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.ingress.config.IngressProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
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

    /** Writes the error straight to a servlet response, for answers given before any controller runs (a filter). */
    public void write(ApiError error, String message, HttpHeaders extraHeaders, HttpServletResponse response)
            throws IOException {
        ResponseEntity<byte[]> answer = render(error, message, extraHeaders);
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

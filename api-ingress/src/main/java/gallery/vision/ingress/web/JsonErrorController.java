package gallery.vision.ingress.web;

import gallery.vision.common.ApiError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (the servlet container's own) still answer {@code {"error": "..."}} in JSON,
 * never an HTML page.
 */
@RestController
public class JsonErrorController implements ErrorController {

    private final ApiErrorRenderer renderer;

    public JsonErrorController(ApiErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ApiError error = switch (status) {
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 413 -> ApiError.BODY_TOO_LARGE;
            case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ApiError.BAD_REQUEST : ApiError.INTERNAL;
        };
        String message = switch (error) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> error.message(request.getMethod(), uri);
            case BODY_TOO_LARGE -> "request body is too large";
            case BAD_REQUEST -> error.message("status " + status);
            default -> error.message();
        };
        return renderer.render(error, message, HttpHeaders.EMPTY);
    }
}

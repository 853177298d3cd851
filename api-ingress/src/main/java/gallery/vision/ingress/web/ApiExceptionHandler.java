package gallery.vision.ingress.web;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.UncheckedIOException;

/**
 * The one place that maps a failed request, ours or Spring MVC's, synchronous or the failed future of an analysis,
 * to its {@link ApiError}. Our failures arrive as {@link ApiException}s, made where they happen; anything else is a
 * bug, logged here with its own stack trace and answered 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiErrorRenderer renderer;

    public ApiExceptionHandler(ApiErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> api(ApiException e) {
        return renderer.render(e);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return renderer.render(ApiError.UNSUPPORTED_MEDIA_TYPE.exception());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        ApiError error = ApiError.METHOD_NOT_ALLOWED;
        return renderer.render(error, error.message(e.getMethod(), request.getRequestURI()), headers);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<byte[]> notFound(Exception e, HttpServletRequest request) {
        return renderer.render(ApiError.NOT_FOUND.exception(request.getMethod(), request.getRequestURI()));
    }

    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<byte[]> unreadableBody(UncheckedIOException e) {
        return renderer.render(ApiError.BAD_REQUEST.exception("request body could not be read"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return renderer.render(ApiError.INTERNAL.exception());
    }
}

package gallery.vision.ingress.web.body;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.ingress.config.HttpServerProperties;
import gallery.vision.ingress.config.IngressProperties;
import gallery.vision.ingress.web.ApiErrorRenderer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Reads every JPEG request body before a controller runs, without holding a thread while it arrives: the request goes
 * asynchronous, the container calls {@link BodyReadListener} as bytes come in, and once the whole body is there the
 * request is dispatched again, to the controller, with the body in {@link RequestBodies}. So a client trickling its
 * body holds a connection but no request thread, and any number of them (up to {@code MAX_CONNECTIONS}) cannot starve
 * the others.
 *
 * <p>The read has one deadline, {@code BODY_READ_TIMEOUT}, for the whole body: a body not complete by then gets
 * {@link ApiError#BODY_READ_TIMEOUT} (408) and the connection is closed. A body declared or found larger than
 * {@code MAX_BYTES} gets 413 as soon as that is known, without reading the rest. Other requests (no JPEG body) pass
 * through untouched. Runs after the access check, so a refused request's body is never read. Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class BodyReadFilter extends OncePerRequestFilter {

    private final ApiErrorRenderer renderer;
    private final long maxBytes;
    private final Duration timeout;

    public BodyReadFilter(ApiErrorRenderer renderer, IngressProperties ingress, HttpServerProperties http) {
        this.renderer = renderer;
        this.maxBytes = ingress.maxBytes().toBytes();
        this.timeout = http.bodyReadTimeout();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasJpegBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(ApiError.BODY_TOO_LARGE.exception(maxBytes), response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis());
        BodyReadListener listener = new BodyReadListener(request.getInputStream(), maxBytes, outcome(request, async));
        async.addListener(new Deadline(listener));
        request.getInputStream().setReadListener(listener);
    }

    private static boolean hasJpegBody(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getContentType() == null) {
            return false;
        }
        try {
            return MediaType.IMAGE_JPEG.equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private BodyReadListener.Outcome outcome(HttpServletRequest request, AsyncContext async) {
        return new BodyReadListener.Outcome() {
            @Override
            public void body(byte[] body) {
                RequestBodies.attach(request, body);
                async.dispatch();
            }

            @Override
            public void failed(ApiException error) {
                answer(async, error);
            }

            @Override
            public void broken(Throwable cause) {
                async.complete();
            }
        };
    }

    private void answer(AsyncContext async, ApiException error) {
        try {
            refuse(error, (HttpServletResponse) async.getResponse());
        } catch (IOException clientGone) {
            // Nobody to answer.
        } finally {
            async.complete();
        }
    }

    /** Answers the error and closes the connection, so that the rest of the body is not waited for. */
    private void refuse(ApiException error, HttpServletResponse response) throws IOException {
        HttpHeaders close = new HttpHeaders();
        close.set(HttpHeaders.CONNECTION, "close");
        renderer.write(error.error(), error.getMessage(), close, response);
    }

    /** The body's deadline: the container's async timeout, which fires on its own timer thread. */
    private final class Deadline implements AsyncListener {

        private final BodyReadListener listener;

        Deadline(BodyReadListener listener) {
            this.listener = listener;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (listener.abandon()) {
                answer(event.getAsyncContext(), ApiError.BODY_READ_TIMEOUT.exception(timeout));
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            if (listener.abandon()) {
                event.getAsyncContext().complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}

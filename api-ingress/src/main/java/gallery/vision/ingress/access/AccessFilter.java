package gallery.vision.ingress.access;

import gallery.vision.common.ApiError;
import gallery.vision.ingress.demo.DemoPage;
import gallery.vision.ingress.web.ApiErrorRenderer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} naming an accepted token, and (with a rate
 * limit) only while that token is within its allowance. Every route is covered except the health probes
 * ({@code /health}, {@code /actuator/health} and its groups) and, with {@code DEMO_PAGE=true}, reading the demo
 * page's own files ({@link DemoPage#isAsset}: no data in them; the routes the page calls still need a token), so routes
 * added later are protected without change.
 * Refusals are rendered by {@link ApiErrorRenderer}: 401 with {@code WWW-Authenticate} (RFC 6750), 429 with
 * {@code Retry-After}. Runs before the request body is read. Nothing about the presented token is logged.
 * Thread-safe (stateless but for the thread-safe {@link RateLimiter}).
 */
final class AccessFilter extends OncePerRequestFilter {

    static final String REALM = "gallery-vision";
    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final Optional<RateLimiter> limiter;
    private final double rateLimit;
    private final ApiErrorRenderer renderer;
    private final boolean demoPageOpen;

    AccessFilter(AccessTokens tokens, double rateLimit, Optional<RateLimiter> limiter, ApiErrorRenderer renderer,
                 boolean demoPageOpen) {
        this.tokens = tokens;
        this.demoPageOpen = demoPageOpen;
        this.rateLimit = rateLimit;
        this.limiter = limiter;
        this.renderer = renderer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return OpenRoutes.isOpen(path) || (demoPageOpen && DemoPage.isAsset(request.getMethod(), path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(response, ApiError.MISSING_TOKEN, challenge(null), ApiError.MISSING_TOKEN.message());
            return;
        }
        int key = tokens.indexOf(header.substring(BEARER.length()).strip());
        if (key < 0) {
            refuse(response, ApiError.INVALID_TOKEN, challenge("invalid_token"), ApiError.INVALID_TOKEN.message());
            return;
        }
        if (limiter.isPresent()) {
            Duration wait = limiter.get().acquire(key);
            if (!wait.isZero()) {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(wait))));
                refuse(response, ApiError.RATE_LIMITED, headers, ApiError.RATE_LIMITED.message(formatRate()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static HttpHeaders challenge(String error) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"" + REALM + "\"" + (error == null ? "" : ", error=\"" + error + "\""));
        return headers;
    }

    private void refuse(HttpServletResponse response, ApiError error, HttpHeaders headers, String message)
            throws IOException {
        renderer.write(error, message, headers, response);
    }

    private static long ceilSeconds(Duration wait) {
        return wait.toNanos() / 1_000_000_000L + (wait.toNanos() % 1_000_000_000L == 0 ? 0 : 1);
    }

    private String formatRate() {
        return rateLimit == Math.rint(rateLimit) ? Long.toString((long) rateLimit) : Double.toString(rateLimit);
    }
}

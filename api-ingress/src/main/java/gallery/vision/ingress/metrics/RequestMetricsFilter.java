package gallery.vision.ingress.metrics;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Times every request to an analysis route ({@code /faces}, {@code /objects}, {@code /embeddings}, whatever its
 * method) from its arrival to its last byte, as {@code gallery_vision_request_seconds{analysis, outcome}} (see
 * {@link RequestOutcome}). Runs before the access filter, so refused requests count too; an async request is
 * recorded at the end of its async dispatch, where its answer or error is written. All series are registered at start-up (zero counts), so the dashboard
 * and alerts see them before the first request. Thread-safe.
 */
public final class RequestMetricsFilter extends OncePerRequestFilter {

    /** Request attribute set by {@link #markCached()}: the answer came from the store. */
    static final String CACHED = RequestMetricsFilter.class.getName() + ".cached";
    /** Request attribute: the timer sample started when the request arrived, stopped in its last dispatch. */
    private static final String SAMPLE = RequestMetricsFilter.class.getName() + ".sample";

    private final Map<AnalysisKind, Map<RequestOutcome, Timer>> timers = new EnumMap<>(AnalysisKind.class);
    private final MeterRegistry registry;

    public RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
        for (AnalysisKind kind : AnalysisKind.values()) {
            Map<RequestOutcome, Timer> byOutcome = new EnumMap<>(RequestOutcome.class);
            for (RequestOutcome outcome : RequestOutcome.values()) {
                byOutcome.put(outcome, Timer.builder(MetricNames.REQUEST)
                        .description("analysis requests from arrival to the last byte of the answer")
                        .tag(MetricNames.ANALYSIS, kind.path())
                        .tag(MetricNames.OUTCOME, outcome.tag())
                        .serviceLevelObjectives(MetricNames.latencyBuckets())
                        .register(registry));
            }
            timers.put(kind, byOutcome);
        }
    }

    /** Notes that the current request (if this thread serves one) is answered from the stored answers. */
    static void markCached() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(CACHED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return analysis(request).isEmpty();
    }

    /** The answer of an async request is written in its async dispatch, which must be seen too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AnalysisKind kind = analysis(request).orElseThrow();
        Timer.Sample sample = (Timer.Sample) request.getAttribute(SAMPLE);
        if (sample == null) {
            sample = Timer.start(registry);
            request.setAttribute(SAMPLE, sample);
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            record(sample, kind, request, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        }
        if (!request.isAsyncStarted()) {
            record(sample, kind, request, response.getStatus());
        }
    }

    private void record(Timer.Sample sample, AnalysisKind kind, HttpServletRequest request, int status) {
        boolean cached = Boolean.TRUE.equals(request.getAttribute(CACHED));
        sample.stop(timers.get(kind).get(RequestOutcome.of(status, cached)));
    }

    private static Optional<AnalysisKind> analysis(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.length() > 1 && request.getPathInfo() == null
                ? AnalysisKind.fromPath(path.substring(1)) : Optional.empty();
    }
}

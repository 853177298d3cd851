package gallery.vision.ingress.metrics;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.ingress.dispatch.StoredAnswers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StoredAnswers} that counts its look-ups as {@code gallery_vision_stored_answers_total{analysis, result}}
 * (hit or miss; the dashboard's hit ratio is hits over both) and tells {@link RequestMetricsFilter} that the request
 * on this thread was answered from the store. Counters are registered at start-up, so every series shows zero before
 * the first request. Thread-safe when the store it wraps is.
 */
public final class CountingStoredAnswers implements StoredAnswers {

    private final StoredAnswers store;
    private final Map<AnalysisKind, Counter> hits = new EnumMap<>(AnalysisKind.class);
    private final Map<AnalysisKind, Counter> misses = new EnumMap<>(AnalysisKind.class);

    public CountingStoredAnswers(StoredAnswers store, MeterRegistry registry) {
        this.store = store;
        for (AnalysisKind kind : AnalysisKind.values()) {
            hits.put(kind, counter(registry, kind, MetricNames.HIT));
            misses.put(kind, counter(registry, kind, MetricNames.MISS));
        }
    }

    @Override
    public Optional<byte[]> find(AnalysisKind kind, String sha1) {
        Optional<byte[]> answer = store.find(kind, sha1);
        (answer.isPresent() ? hits : misses).get(kind).increment();
        if (answer.isPresent()) {
            RequestMetricsFilter.markCached();
        }
        return answer;
    }

    private static Counter counter(MeterRegistry registry, AnalysisKind kind, String result) {
        return Counter.builder(MetricNames.STORED_ANSWERS)
                .description("stored-answer look-ups of analysis requests: hit (answered from the store) or miss")
                .tag(MetricNames.ANALYSIS, kind.path())
                .tag(MetricNames.RESULT, result)
                .register(registry);
    }
}

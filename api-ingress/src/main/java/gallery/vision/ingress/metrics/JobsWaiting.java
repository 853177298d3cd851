package gallery.vision.ingress.metrics;

import gallery.vision.common.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * Registers one lane of the gauge {@code gallery_vision_jobs_waiting{lane}}: embedded mode's in-process queues
 * (interactive analysis threads, bulk lane) or distributed mode's broker queues ({@link BrokerQueueDepth}), so the
 * same dashboard panel shows either. Stateless.
 */
public final class JobsWaiting {

    private JobsWaiting() {
    }

    public static <T> void register(MeterRegistry registry, String lane, T queue, ToDoubleFunction<T> depth) {
        Gauge.builder(MetricNames.JOBS_WAITING, queue, depth)
                .description("jobs waiting for an analysis: in-process queues (embedded) or the broker's (distributed)")
                .tag(MetricNames.LANE, lane)
                .register(registry);
    }
}

package gallery.vision.worker.metrics;

import gallery.vision.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/**
 * One lane's job counters of a worker: {@code gallery_vision_worker_jobs_total{lane, outcome}} and
 * {@code gallery_vision_worker_redeliveries_total{lane}}, all registered at start-up so that every series shows zero
 * before the first job. Thread-safe (Micrometer's counters are).
 */
public final class WorkerJobMetrics {

    private final Map<WorkerJobOutcome, Counter> jobs = new EnumMap<>(WorkerJobOutcome.class);
    private final Counter redeliveries;

    public WorkerJobMetrics(MeterRegistry registry, String lane) {
        for (WorkerJobOutcome outcome : WorkerJobOutcome.values()) {
            jobs.put(outcome, Counter.builder(MetricNames.WORKER_JOBS)
                    .description("job deliveries a worker handled, by what it did with them")
                    .tag(MetricNames.LANE, lane)
                    .tag(MetricNames.OUTCOME, outcome.tag())
                    .register(registry));
        }
        redeliveries = Counter.builder(MetricNames.WORKER_REDELIVERIES)
                .description("deliveries of jobs that an earlier delivery did not finish (a worker died or failed)")
                .tag(MetricNames.LANE, lane)
                .register(registry);
    }

    public void handled(WorkerJobOutcome outcome) {
        jobs.get(outcome).increment();
    }

    public void redelivered() {
        redeliveries.increment();
    }
}

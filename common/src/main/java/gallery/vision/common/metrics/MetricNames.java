package gallery.vision.common.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Every Micrometer meter name, tag key and tag value this project exports, in one place (ingress and workers).
 * Micrometer names are dotted; the Prometheus scrape at {@code /actuator/prometheus} shows them with underscores, a
 * unit and a type suffix ({@code gallery.vision.request} → {@code gallery_vision_request_seconds_bucket}).
 * {@code docs/operations.md} lists them with their meaning; {@code k8s/base/grafana-dashboard.json} queries them.
 * Constants only, so thread-safe.
 */
public final class MetricNames {

    /** Timer: one analysis request as the client sees it, tags {@link #ANALYSIS} and {@link #OUTCOME}. */
    public static final String REQUEST = "gallery.vision.request";
    /** Timer: the analyzer's run on decoded pixels (the networks and their pre/post-processing), tags {@link #ANALYSIS} and {@link #NETWORK}. */
    public static final String INFERENCE = "gallery.vision.inference";
    /** Counter: stored-answer look-ups of analysis requests, tags {@link #ANALYSIS} and {@link #RESULT} (hit, miss). */
    public static final String STORED_ANSWERS = "gallery.vision.stored.answers";
    /** Gauge: jobs waiting for an analysis, tag {@link #LANE} (in-process queues, or the broker's queues). */
    public static final String JOBS_WAITING = "gallery.vision.jobs.waiting";
    /** Gauge: decoded pixels claimed now from {@code DECODE_PIXEL_BUDGET}. */
    public static final String DECODE_PIXELS_IN_USE = "gallery.vision.decode.pixels.in.use";
    /** Gauge: the {@code DECODE_PIXEL_BUDGET} itself, for a ratio. */
    public static final String DECODE_PIXELS_BUDGET = "gallery.vision.decode.pixels.budget";
    /** Counter (worker): broker deliveries handled, tags {@link #LANE} and {@link #OUTCOME} (the worker's outcomes). */
    public static final String WORKER_JOBS = "gallery.vision.worker.jobs";
    /** Counter (worker): deliveries of a job that an earlier delivery did not finish, tag {@link #LANE}. */
    public static final String WORKER_REDELIVERIES = "gallery.vision.worker.redeliveries";

    public static final String ANALYSIS = "analysis";
    public static final String OUTCOME = "outcome";
    public static final String NETWORK = "network";
    public static final String RESULT = "result";
    public static final String LANE = "lane";

    public static final String HIT = "hit";
    public static final String MISS = "miss";
    /** Lane of synchronous requests ({@code POST /faces} etc.). */
    public static final String INTERACTIVE = "interactive";
    /** Lane of bulk jobs ({@code POST /jobs}). */
    public static final String BULK = "bulk";

    /**
     * Histogram buckets of both timers: from a stored answer (milliseconds) to {@code REQUEST_TIMEOUT}'s range. A
     * fixed short list keeps the series count small.
     */
    public static final List<Duration> LATENCY_BUCKETS = List.of(
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    private MetricNames() {
    }

    /** The buckets as Micrometer's {@code serviceLevelObjectives(...)} takes them. */
    public static Duration[] latencyBuckets() {
        return LATENCY_BUCKETS.toArray(Duration[]::new);
    }
}

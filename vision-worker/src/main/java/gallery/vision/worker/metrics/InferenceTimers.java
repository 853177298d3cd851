package gallery.vision.worker.metrics;

import gallery.vision.common.metrics.MetricNames;
import gallery.vision.worker.analysis.Analyzer;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times each installed analyzer as {@code gallery_vision_inference_seconds{analysis, network}}: the analysis of
 * decoded pixels (the model's networks with their pre- and post-processing), without queueing, decoding or storing.
 * {@code network} is the installed model's name (face-api's five networks count as one: {@code face-api}). One
 * timer per analyzer, registered at start-up; one clock read at each end of an analysis. Stateless.
 */
public final class InferenceTimers {

    private InferenceTimers() {
    }

    /** The same installed analyzer, its analyses timed. */
    public static InstalledAnalyzer timed(InstalledAnalyzer installed, MeterRegistry registry) {
        Timer timer = Timer.builder(MetricNames.INFERENCE)
                .description("analysis of decoded pixels by the model's networks, with their pre- and post-processing")
                .tag(MetricNames.ANALYSIS, installed.kind().path())
                .tag(MetricNames.NETWORK, installed.model().name())
                .serviceLevelObjectives(MetricNames.latencyBuckets())
                .register(registry);
        Analyzer analyzer = installed.analyzer();
        return new InstalledAnalyzer(installed.kind(), installed.model(),
                image -> timer.record(() -> analyzer.analyze(image)));
    }
}

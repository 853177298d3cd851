package gallery.vision.ingress.jobs;

import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.ingress.metrics.JobsWaiting;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Embedded mode's jobs: unfinished jobs resumed once the service is ready. The {@link EmbeddedBulkLane} beside the
 * interactive analysis threads, and its {@link LocalBulkAnalysis} gated on the synchronous requests in flight, come
 * from {@code EmbeddedModeConfiguration}, which sizes the lane from the ONNX Runtime settings.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.EMBEDDED)
public class EmbeddedJobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedJobsConfiguration.class);

    /** Gauge {@code gallery_vision_jobs_waiting{lane="bulk"}}: bulk jobs waiting for a bulk thread. */
    @Bean
    MeterBinder bulkLaneMetrics(EmbeddedBulkLane lane) {
        return registry -> JobsWaiting.register(registry, MetricNames.BULK, lane, EmbeddedBulkLane::queued);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> resumeUnfinishedJobs(JobService jobs) {
        return event -> {
            int resumed = jobs.resumeUnfinished();
            if (resumed > 0) {
                log.info("resumed {} unfinished jobs", resumed);
            }
        };
    }
}

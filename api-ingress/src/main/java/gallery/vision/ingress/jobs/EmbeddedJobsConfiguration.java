package gallery.vision.ingress.jobs;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.ingress.analysis.AnalysisService;
import gallery.vision.worker.bulk.AnalysisFailures;
import gallery.vision.worker.bulk.BulkAnalysis;
import gallery.vision.worker.bulk.InteractiveFirstGate;
import gallery.vision.worker.job.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Embedded mode's jobs: the bulk lane beside the interactive analysis threads, gated on the synchronous requests
 * in flight, and unfinished jobs resumed once the service is ready.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!distributed")
public class EmbeddedJobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedJobsConfiguration.class);

    @Bean
    EmbeddedBulkLane embeddedBulkLane(JobHandler handler, AnalysisFailures failures, AnalysisService interactive,
                                      BlobStore store, JpegDecoder decoder) {
        BulkAnalysis analysis = new BulkAnalysis(handler, failures, new InteractiveFirstGate(interactive::inFlight));
        return new EmbeddedBulkLane(analysis, store, decoder);
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

package gallery.vision.worker.bulk;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.common.jobs.JobQueueProperties;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.jobs.JobTopology;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.worker.amqp.WorkerAmqpConfiguration;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.job.JobHandler;
import gallery.vision.worker.metrics.WorkerJobMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * The worker's bulk lane: one consumer on the {@link JobRouting#bulkQueue bulk queues} of the installed analyses with
 * prefetch 1 (per queue), beside the interactive consumers,
 * whose analyses wait while this worker runs interactive jobs ({@link InteractiveActivity}). One consumer is the
 * reserved capacity: interactive jobs never queue behind bulk ones, and bulk work never takes more than one
 * analysis' worth of the CPU away from them.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@Import(JobTopology.class)
public class BulkWorkerConfiguration {

    /** How long a consumer waits before reconnecting to a broker that went away. */
    static final long RECOVERY_INTERVAL_MILLIS = 2_000;

    @Bean
    InteractiveActivity interactiveActivity() {
        return new InteractiveActivity();
    }

    @Bean
    BulkJobListener bulkJobListener(JobHandler handler, BlobStore store, JsonMapper json, JpegDecoder decoder,
                                    InteractiveActivity activity, JobQueueProperties jobs, MeterRegistry registry) {
        BulkAnalysis analysis = new BulkAnalysis(handler, new AnalysisFailures(store, json, Clock.systemUTC()),
                new InteractiveFirstGate(activity::running));
        return new BulkJobListener(analysis, store, decoder, jobs.deliveryLimit(),
                new WorkerJobMetrics(registry, MetricNames.BULK));
    }

    @Bean
    SimpleMessageListenerContainer bulkContainer(ConnectionFactory connections, BulkJobListener listener,
                                                 AnalyzerRegistry analyzers) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        WorkerAmqpConfiguration.consumeInstalled(container, analyzers, JobRouting::bulkQueue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(1);
        container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        container.setMessageListener(listener);
        return container;
    }
}

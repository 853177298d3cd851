package gallery.vision.worker.amqp;

import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.jobs.JobTopology;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.bulk.InteractiveActivity;
import gallery.vision.worker.catalog.ModelAnnouncer;
import gallery.vision.worker.job.JobHandler;
import gallery.vision.worker.metrics.WorkerJobMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's side of the broker: a consumer container on the shared job queue (manual acks, configurable
 * prefetch and concurrency) and one on the dead-letter replies queue. Containers reconnect by themselves after the
 * broker went away.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@Import(JobTopology.class)
@EnableConfigurationProperties(WorkerListenerProperties.class)
public class WorkerAmqpConfiguration {

    /** How long a consumer waits before reconnecting to a broker that went away. */
    static final long RECOVERY_INTERVAL_MILLIS = 2_000;

    @Bean
    Replies replies(RabbitTemplate template) {
        return new Replies(template);
    }

    @Bean
    ModelAnnouncer modelAnnouncer(AnalyzerRegistry analyzers, BlobStore store, JsonMapper json) {
        return new ModelAnnouncer(analyzers, store, json);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> announceModelsWhenReady(ModelAnnouncer announcer) {
        return event -> announcer.announceIfNeeded();
    }

    @Bean
    JobListener jobListener(JobHandler handler, BlobStore store, JpegDecoder decoder, Replies replies,
                            ModelAnnouncer announcer, MeterRegistry registry) {
        return new JobListener(handler, store, decoder, replies, announcer,
                new WorkerJobMetrics(registry, MetricNames.INTERACTIVE));
    }

    @Bean
    SimpleMessageListenerContainer jobContainer(ConnectionFactory connections, JobListener listener,
                                                WorkerListenerProperties worker, InteractiveActivity activity) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(JobRouting.JOBS_QUEUE);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(worker.prefetch());
        container.setConcurrentConsumers(worker.concurrency());
        container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        container.setMessageListener(activity.tracking(listener));
        return container;
    }

    @Bean
    SimpleMessageListenerContainer deadLetterReplyContainer(ConnectionFactory connections, Replies replies) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(JobRouting.DEAD_LETTER_REPLIES_QUEUE);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        container.setMessageListener(new DeadLetterResponder(replies));
        return container;
    }
}

package gallery.vision.worker.amqp;

import gallery.vision.common.AnalysisKind;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

import java.util.function.Function;

/**
 * The worker's side of the broker: a consumer container on the job queues of the installed analyses (manual acks, configurable
 * prefetch and concurrency) and one on the dead-letter replies queue. Containers reconnect by themselves after the
 * broker went away.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@Import(JobTopology.class)
@EnableConfigurationProperties(WorkerListenerProperties.class)
public class WorkerAmqpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerAmqpConfiguration.class);

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

    /**
     * Consumes the job queues of the analyses installed here, and no other: ingress sees from a queue's consumer
     * count whether any running worker serves its analysis. Each consumer takes jobs from all of those queues, one
     * unacknowledged job per queue and consumer at most ({@code WORKER_PREFETCH}).
     */
    @Bean
    SimpleMessageListenerContainer jobContainer(ConnectionFactory connections, JobListener listener,
                                                WorkerListenerProperties worker, InteractiveActivity activity,
                                                AnalyzerRegistry analyzers) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        consumeInstalled(container, analyzers, JobRouting::jobQueue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(worker.prefetch());
        container.setConcurrentConsumers(worker.concurrency());
        container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        container.setMessageListener(activity.tracking(listener));
        return container;
    }

    /**
     * Points the container at the queue of every installed analysis; with none installed it never starts (a worker
     * without models takes no job, and ingress answers their requests with a 503 at once).
     */
    public static void consumeInstalled(SimpleMessageListenerContainer container, AnalyzerRegistry analyzers,
                                        Function<AnalysisKind, String> queue) {
        String[] queues = analyzers.installed().stream().map(queue).toArray(String[]::new);
        if (queues.length == 0) {
            log.warn("no model is installed: this worker consumes no job queue");
            container.setAutoStartup(false);
            return;
        }
        container.setQueueNames(queues);
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

package gallery.vision.ingress.config;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.ImageConfiguration;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.jobs.JobTopology;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.ImageExpiryProperties;
import gallery.vision.common.storage.StoredImages;
import gallery.vision.common.storage.S3ImageExpiryConfiguration;
import gallery.vision.common.storage.S3StorageConfiguration;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.ingress.analysis.ImageIntake;
import gallery.vision.ingress.dispatch.StoredAnswers;
import gallery.vision.ingress.models.ModelCatalog;
import gallery.vision.ingress.dispatch.amqp.AmqpJobDispatcher;
import gallery.vision.ingress.dispatch.amqp.InlineImageIntake;
import gallery.vision.ingress.dispatch.amqp.AnnouncedModels;
import gallery.vision.ingress.metrics.BrokerQueueDepth;
import gallery.vision.ingress.metrics.CountingStoredAnswers;
import gallery.vision.ingress.metrics.JobsWaiting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.amqp.core.AmqpAdmin;
import gallery.vision.ingress.dispatch.amqp.DistributedDispatchProperties;
import gallery.vision.ingress.dispatch.amqp.RecentAnswers;
import gallery.vision.ingress.dispatch.amqp.ServingWorkers;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Distributed mode (profile {@code distributed}): no model runs here. Images and answers live in S3, jobs go to
 * workers over RabbitMQ and their answers come back through direct reply-to. Stored answers are found with the
 * model versions the workers announced. Stored images expire by the ingress' doing alone
 * ({@link S3ImageExpiryConfiguration}: the bucket's lifecycle rule, or its sweep).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@Import({S3StorageConfiguration.class, S3ImageExpiryConfiguration.class, JobTopology.class, ImageConfiguration.class})
@EnableConfigurationProperties(DistributedDispatchProperties.class)
public class DistributedModeConfiguration {

    /** How long ingress trusts a model announcement it has read before reading it again. */
    static final Duration ANNOUNCEMENT_TTL = Duration.ofSeconds(10);
    /** How long ingress trusts that a job queue has a consumer before asking the broker again. */
    static final Duration SERVING_WORKERS_TRUST = Duration.ofSeconds(1);

    /** {@code /actuator/health} component "storage": up while the S3 server answers (the broker has its own). */
    @Bean
    HealthIndicator storageHealthIndicator(BlobStore store) {
        return () -> {
            try {
                store.exists(StorageKeys.modelKey(AnalysisKind.FACES));
                return Health.up().build();
            } catch (ApiException e) {
                return Health.down().withDetail("error", e.getMessage()).build();
            }
        };
    }

    @Bean
    AnnouncedModels announcedModels(BlobStore store, JsonMapper json) {
        return new AnnouncedModels(store, json, Clock.systemUTC(), ANNOUNCEMENT_TTL);
    }

    /** {@code GET /models}: what the workers announced. */
    @Bean
    ModelCatalog announcedModelCatalog(AnnouncedModels announced) {
        return announced::current;
    }

    /** Stored answers of the announced models, the most recently read ones from memory. */
    @Bean
    StoredAnswers storedAnswers(AnnouncedModels models, BlobStore store, DistributedDispatchProperties properties,
                                MeterRegistry registry) {
        RecentAnswers recent = new RecentAnswers(properties.recentAnswers().toBytes());
        return new CountingStoredAnswers((kind, sha1) -> models.current(kind)
                .flatMap(model -> recent.find(StorageKeys.resultKey(kind, model, sha1), store::get)), registry);
    }

    /**
     * Gauges {@code gallery_vision_jobs_waiting{lane}}: the ready messages of the broker's job queues (interactive and
     * bulk, summed over the analyses), the queue length KEDA scales the workers on.
     */
    @Bean
    MeterBinder brokerQueueMetrics(AmqpAdmin admin) {
        return registry -> {
            for (var lane : Map.<String, Function<AnalysisKind, String>>of(MetricNames.INTERACTIVE, JobRouting::jobQueue,
                    MetricNames.BULK, JobRouting::bulkQueue).entrySet()) {
                List<String> queues = Arrays.stream(AnalysisKind.values()).map(lane.getValue()).toList();
                JobsWaiting.register(registry, lane.getKey(),
                        new BrokerQueueDepth(admin, queues, System::nanoTime), BrokerQueueDepth::depth);
            }
        };
    }

    /**
     * A template of its own: the async template takes over its confirm and return callbacks. It sets no receive
     * timeout: the request's deadline is {@code AnalysisService}'s alone, and a reply nobody waits for any more is
     * dropped when its future is cancelled.
     */
    @Bean
    AsyncRabbitTemplate jobTemplate(ConnectionFactory connections) {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMandatory(true);
        AsyncRabbitTemplate async = new AsyncRabbitTemplate(template);
        async.setEnableConfirms(true);
        async.setMandatory(true);
        async.setReceiveTimeout(0);
        return async;
    }

    /** Which analyses some running worker serves: its job queue's consumer count, a positive one trusted a second. */
    @Bean
    ServingWorkers servingWorkers(ConnectionFactory connections) {
        RabbitTemplate template = new RabbitTemplate(connections);
        return new ServingWorkers(queue -> template.execute(channel -> channel.queueDeclarePassive(queue).getConsumerCount()),
                System::nanoTime, SERVING_WORKERS_TRUST);
    }

    /** A small image is checked from its header and decoded by the worker alone; a large one is decoded here. */
    @Bean
    ImageIntake imageIntake(JpegDecoder decoder, BudgetedDecoder budgeted, DistributedDispatchProperties properties) {
        return new InlineImageIntake(decoder, budgeted, properties.inlineImageLimit().toBytes());
    }

    /** Images for the workers to read, each written again when found stored with less than half its TTL ahead. */
    @Bean
    StoredImages storedImages(BlobStore store, ImageExpiryProperties expiry) {
        return new StoredImages(store, expiry.ttl(), Clock.systemUTC());
    }

    @Bean
    AmqpJobDispatcher amqpJobDispatcher(StoredImages images, AsyncRabbitTemplate jobTemplate, ServingWorkers workers,
                                        DistributedDispatchProperties properties, ConnectionFactory connections) {
        AmqpJobDispatcher dispatcher = new AmqpJobDispatcher(images, jobTemplate, workers,
                properties.inlineImageLimit().toBytes());
        connections.addConnectionListener(dispatcher);
        return dispatcher;
    }
}

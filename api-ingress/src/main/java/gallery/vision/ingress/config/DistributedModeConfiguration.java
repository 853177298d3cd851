package gallery.vision.ingress.config;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.common.Routing;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.ingress.dispatch.StoredAnswers;
import gallery.vision.ingress.dispatch.amqp.AmqpJobDispatcher;
import gallery.vision.ingress.dispatch.amqp.AnnouncedModels;
import gallery.vision.worker.amqp.JobTopology;
import gallery.vision.worker.config.ImageProperties;
import gallery.vision.worker.storage.S3StorageConfiguration;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * Distributed mode (profile {@code distributed}): no model runs here. Images and answers live in S3, jobs go to
 * workers over RabbitMQ and their answers come back through direct reply-to. Stored answers are found with the
 * model versions the workers announced.
 */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
@Import({S3StorageConfiguration.class, JobTopology.class})
@EnableConfigurationProperties(ImageProperties.class)
public class DistributedModeConfiguration {

    /** How long ingress trusts a model announcement it has read before reading it again. */
    static final Duration ANNOUNCEMENT_TTL = Duration.ofSeconds(10);

    /** {@code /actuator/health} component "storage": up while the S3 server answers (the broker has its own). */
    @Bean
    HealthIndicator storageHealthIndicator(BlobStore store) {
        return () -> {
            try {
                store.exists(Routing.modelKey(AnalysisKind.FACES));
                return Health.up().build();
            } catch (ApiException e) {
                return Health.down().withDetail("error", e.getMessage()).build();
            }
        };
    }

    @Bean
    JpegDecoder jpegDecoder(ImageProperties image) {
        return new JpegDecoder(image.maxPixels(), image.jpegDecoding());
    }

    @Bean
    AnnouncedModels announcedModels(BlobStore store, JsonMapper json) {
        return new AnnouncedModels(store, json, Clock.systemUTC(), ANNOUNCEMENT_TTL);
    }

    @Bean
    StoredAnswers storedAnswers(AnnouncedModels models, BlobStore store) {
        return (kind, sha1) -> models.current(kind).flatMap(model -> store.get(Routing.resultKey(kind, model, sha1)));
    }

    /** A template of its own: the async template takes over its confirm and return callbacks. */
    @Bean
    AsyncRabbitTemplate jobTemplate(ConnectionFactory connections, IngressProperties ingress) {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMandatory(true);
        AsyncRabbitTemplate async = new AsyncRabbitTemplate(template);
        async.setEnableConfirms(true);
        async.setMandatory(true);
        async.setReceiveTimeout(ingress.requestTimeout().toMillis());
        return async;
    }

    @Bean
    AmqpJobDispatcher amqpJobDispatcher(BlobStore store, AsyncRabbitTemplate jobTemplate, IngressProperties ingress,
                                        ConnectionFactory connections) {
        AmqpJobDispatcher dispatcher = new AmqpJobDispatcher(store, jobTemplate, ingress.requestTimeout());
        connections.addConnectionListener(dispatcher);
        return dispatcher;
    }
}

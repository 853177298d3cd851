package gallery.vision.worker.bulk;

import gallery.vision.common.Routing;
import gallery.vision.common.jobs.BulkJobs;
import gallery.vision.worker.amqp.JobQueueProperties;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The bulk queue ({@link BulkJobs#QUEUE}), declared alike by ingress and workers: a quorum queue (replicated,
 * durable, counts deliveries) that jobs reach through the default exchange; after {@code JOB_DELIVERY_LIMIT} failed
 * deliveries the broker dead-letters a job to {@link Routing#DEAD_LETTER_EXCHANGE} like an interactive one (the
 * worker records the failure on the last delivery before that).
 */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
@EnableConfigurationProperties(JobQueueProperties.class)
public class BulkJobTopology {

    @Bean
    Declarables bulkDeclarables(JobQueueProperties jobs) {
        return new Declarables(QueueBuilder.durable(BulkJobs.QUEUE)
                .quorum()
                .deliveryLimit(jobs.deliveryLimit())
                .deadLetterExchange(Routing.DEAD_LETTER_EXCHANGE)
                .build());
    }
}

package gallery.vision.ingress.jobs;

import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.common.storage.StoredImages;
import gallery.vision.ingress.dispatch.amqp.ServingWorkers;
import gallery.vision.ingress.config.IngressProperties;
import gallery.vision.common.DeploymentProfiles;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Distributed mode's jobs: published to the bulk queue, which the workers consume after their interactive work;
 * records and failures live in the bucket, so any ingress replica, or a restarted one, can report any job. The
 * bulk queue is declared with the rest of the job topology ({@link gallery.vision.common.jobs.JobTopology}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
public class DistributedJobsConfiguration {

    @Bean
    AmqpBulkPublisher amqpBulkPublisher(StoredImages images, ConnectionFactory connections, IngressProperties ingress,
                                        ServingWorkers workers, AnalysisFailures failures) {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMandatory(true);
        return new AmqpBulkPublisher(images, template, ingress.requestTimeout(), workers, failures);
    }
}

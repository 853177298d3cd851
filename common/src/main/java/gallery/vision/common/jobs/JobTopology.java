package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.DeploymentProfiles;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The broker objects of distributed mode, declared identically by ingress and workers (whichever connects first
 * creates them; Spring's {@code RabbitAdmin} declares them again after a broker restart):
 * <ul>
 *   <li>{@link JobRouting#JOBS_EXCHANGE}, a durable direct exchange, bound with {@code analyze.<analysis>} to</li>
 *   <li>one {@link JobRouting#jobQueue job queue per analysis}, a quorum queue (replicated, durable, counts
 *       deliveries) consumed by the workers that have that analysis' model, dead-lettering after
 *       {@code JOB_DELIVERY_LIMIT} failed deliveries to</li>
 *   <li>{@link JobRouting#DEAD_LETTER_EXCHANGE}, a fanout to {@link JobRouting#DEAD_LETTER_QUEUE} (parked for a human)
 *       and {@link JobRouting#DEAD_LETTER_REPLIES_QUEUE} (answered by a worker's dead-letter responder);</li>
 *   <li>one {@link JobRouting#bulkQueue bulk queue per analysis}, a quorum queue of bulk jobs, reached through the
 *       default exchange and dead-lettering like the job queues (a worker records the failure on a bulk job's last
 *       delivery before that).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.DISTRIBUTED)
@EnableConfigurationProperties(JobQueueProperties.class)
public class JobTopology {

    /** The parking queue keeps at most this many dead jobs; older ones are dropped first. */
    static final int PARKED_JOBS_LIMIT = 10_000;

    @Bean
    Declarables jobDeclarables(JobQueueProperties jobs) {
        DirectExchange exchange = ExchangeBuilder.directExchange(JobRouting.JOBS_EXCHANGE).durable(true).build();
        FanoutExchange deadLetters = ExchangeBuilder.fanoutExchange(JobRouting.DEAD_LETTER_EXCHANGE).durable(true).build();
        Queue parked = QueueBuilder.durable(JobRouting.DEAD_LETTER_QUEUE).maxLength(PARKED_JOBS_LIMIT).build();
        Queue replies = QueueBuilder.durable(JobRouting.DEAD_LETTER_REPLIES_QUEUE).build();
        List<Declarable> all = new ArrayList<>(List.of(exchange, deadLetters, parked, replies,
                BindingBuilder.bind(parked).to(deadLetters), BindingBuilder.bind(replies).to(deadLetters)));
        for (AnalysisKind kind : AnalysisKind.values()) {
            Queue queue = jobQueue(JobRouting.jobQueue(kind), jobs);
            all.add(queue);
            all.add(BindingBuilder.bind(queue).to(exchange).with(JobRouting.jobRoutingKey(kind)));
            all.add(jobQueue(JobRouting.bulkQueue(kind), jobs));
        }
        return new Declarables(all);
    }

    private static Queue jobQueue(String name, JobQueueProperties jobs) {
        return QueueBuilder.durable(name)
                .quorum()
                .deliveryLimit(jobs.deliveryLimit())
                .deadLetterExchange(JobRouting.DEAD_LETTER_EXCHANGE)
                .build();
    }
}

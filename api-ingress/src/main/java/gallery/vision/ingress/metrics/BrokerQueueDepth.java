package gallery.vision.ingress.metrics;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The number of ready messages in broker queues (one lane's queues, one per analysis, summed), for the {@code gallery_vision_jobs_waiting} gauge in distributed
 * mode. Asked of the broker (a passive queue declaration) at most once per {@link #MAX_AGE}, so that frequent scrapes
 * do not load it; {@link Double#NaN} (no sample) while the broker cannot be asked. Thread-safe.
 */
public final class BrokerQueueDepth {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final AmqpAdmin admin;
    private final List<String> queues;
    private final LongSupplier nanoTime;
    private long readAt;
    private double depth = Double.NaN;
    private boolean read;

    public BrokerQueueDepth(AmqpAdmin admin, List<String> queues, LongSupplier nanoTime) {
        this.admin = admin;
        this.queues = List.copyOf(queues);
        this.nanoTime = nanoTime;
    }

    public synchronized double depth() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt >= MAX_AGE.toNanos()) {
            depth = ask();
            readAt = now;
            read = true;
        }
        return depth;
    }

    private double ask() {
        double sum = 0;
        try {
            for (String queue : queues) {
                QueueInformation info = admin.getQueueInfo(queue);
                if (info == null) {
                    return Double.NaN;
                }
                sum += info.getMessageCount();
            }
            return sum;
        } catch (AmqpException e) {
            return Double.NaN;
        }
    }
}

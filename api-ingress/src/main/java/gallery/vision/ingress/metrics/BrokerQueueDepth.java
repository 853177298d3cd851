package gallery.vision.ingress.metrics;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The number of ready messages in one broker queue, for the {@code gallery_vision_jobs_waiting} gauge in distributed
 * mode. Asked of the broker (a passive queue declaration) at most once per {@link #MAX_AGE}, so that frequent scrapes
 * do not load it; {@link Double#NaN} (no sample) while the broker cannot be asked. Thread-safe.
 */
public final class BrokerQueueDepth {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final AmqpAdmin admin;
    private final String queue;
    private final LongSupplier nanoTime;
    private long readAt;
    private double depth = Double.NaN;
    private boolean read;

    public BrokerQueueDepth(AmqpAdmin admin, String queue, LongSupplier nanoTime) {
        this.admin = admin;
        this.queue = queue;
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
        try {
            QueueInformation info = admin.getQueueInfo(queue);
            return info == null ? Double.NaN : info.getMessageCount();
        } catch (AmqpException e) {
            return Double.NaN;
        }
    }
}

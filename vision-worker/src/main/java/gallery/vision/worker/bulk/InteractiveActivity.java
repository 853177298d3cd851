package gallery.vision.worker.bulk;

import com.rabbitmq.client.Channel;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the interactive jobs a worker is running, so that its bulk consumer can wait for them
 * ({@link InteractiveFirstGate}). Thread-safe.
 */
public final class InteractiveActivity {

    private final AtomicInteger running = new AtomicInteger();

    public int running() {
        return running.get();
    }

    /** The listener, counted while it handles a message. */
    public ChannelAwareMessageListener tracking(ChannelAwareMessageListener listener) {
        return (Message message, Channel channel) -> {
            running.incrementAndGet();
            try {
                listener.onMessage(message, channel);
            } finally {
                running.decrementAndGet();
            }
        };
    }
}

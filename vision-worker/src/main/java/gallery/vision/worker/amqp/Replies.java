package gallery.vision.worker.amqp;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends a reply to the request that published a job: to its {@code reply-to} address (ingress uses RabbitMQ's
 * direct reply-to) through the default exchange, with its correlation id. A job published without a reply-to
 * (stored for later retrieval only) gets none. Thread-safe, as {@link RabbitTemplate} is.
 */
public final class Replies {

    private final RabbitTemplate template;

    public Replies(RabbitTemplate template) {
        this.template = template;
    }

    public void send(Message request, Message reply) {
        String replyTo = request.getMessageProperties().getReplyTo();
        if (replyTo == null || replyTo.isEmpty()) {
            return;
        }
        reply.getMessageProperties().setCorrelationId(request.getMessageProperties().getCorrelationId());
        template.send("", replyTo, reply);
    }
}

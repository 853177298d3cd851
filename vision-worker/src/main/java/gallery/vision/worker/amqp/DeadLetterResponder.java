package gallery.vision.worker.amqp;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.jobs.JobMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Answers the requests whose jobs were dead-lettered, so that they get an error at once instead of waiting for
 * {@code REQUEST_TIMEOUT}. A job that used up its deliveries failed on every worker that tried it: the image is at
 * fault, 422. A job rejected as malformed is our own bug, 500. The dead job itself stays parked in
 * {@link gallery.vision.common.jobs.JobRouting#DEAD_LETTER_QUEUE}; this listener consumes only its copy. Thread-safe.
 */
public final class DeadLetterResponder implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterResponder.class);
    static final String REASON_HEADER = "x-first-death-reason";
    static final String DELIVERY_LIMIT = "delivery_limit";

    private final Replies replies;

    public DeadLetterResponder(Replies replies) {
        this.replies = replies;
    }

    @Override
    public void onMessage(Message message) {
        Object reason = message.getMessageProperties().getHeader(REASON_HEADER);
        boolean exhausted = DELIVERY_LIMIT.equals(String.valueOf(reason));
        ApiException failure = exhausted
                ? ApiError.IMAGE_REJECTED.exception("analysis failed on every delivery of the job")
                : ApiError.INTERNAL.exception();
        log.warn("job dead-lettered ({}), answering its request with {}", reason, failure.error());
        replies.send(message, JobMessages.failure(failure));
    }
}

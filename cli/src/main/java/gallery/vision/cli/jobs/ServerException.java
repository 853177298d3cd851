package gallery.vision.cli.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * A request to the service that did not get the expected answer.
 *
 * @see #retryable()
 */
public final class ServerException extends Exception {

    private final int status;
    private final Optional<Duration> retryAfter;

    /**
     * @param status     the HTTP status, or 0 when no answer came (connection refused, reset, timed out)
     * @param message    what went wrong, naming the request
     * @param retryAfter the server's {@code Retry-After}, when sent
     */
    public ServerException(int status, String message, Optional<Duration> retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** True for failures that asking again may cure: no answer at all, 503 (busy) and 504 (timed out). */
    public boolean retryable() {
        return status == 0 || status == 503 || status == 504;
    }
}

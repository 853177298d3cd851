package gallery.vision.cli.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before attempt {@code n} (1-based) of a retry: exponential from {@code initial}, capped at
 * {@code max}, with up to 20% random extra so that many workers do not return at once; never shorter than the
 * server's {@code Retry-After}. Immutable and thread-safe.
 *
 * @param initial first delay
 * @param max     longest delay
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    /** The delay before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Optional<Duration> retryAfter) {
        long base = initial.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long jittered = capped + (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        long server = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, server));
    }
}

package gallery.vision.ingress.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket's arithmetic, on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void allowsOneSecondsWorthAtOnceThenTellsHowLongToWait() {
        RateLimiter limiter = new RateLimiter(4, 1, now::get);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire(0)).isZero();
        }
        assertThat(limiter.acquire(0)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refillsAtTheRate() {
        RateLimiter limiter = new RateLimiter(2, 1, now::get);
        limiter.acquire(0);
        limiter.acquire(0);

        advance(Duration.ofMillis(499));
        assertThat(limiter.acquire(0)).isEqualTo(Duration.ofMillis(1));
        advance(Duration.ofMillis(1));
        assertThat(limiter.acquire(0)).isZero();
    }

    @Test
    void neverStoresMoreThanOneSecondsWorth() {
        RateLimiter limiter = new RateLimiter(3, 1, now::get);

        advance(Duration.ofMinutes(10));
        int allowed = 0;
        while (limiter.acquire(0).isZero()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void aRateBelowOnePerSecondStillAllowsOneRequest() {
        RateLimiter limiter = new RateLimiter(0.5, 1, now::get);

        assertThat(limiter.acquire(0)).isZero();
        assertThat(limiter.acquire(0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void countsEachKeyOnItsOwn() {
        RateLimiter limiter = new RateLimiter(1, 2, now::get);

        assertThat(limiter.acquire(0)).isZero();
        assertThat(limiter.acquire(0)).isPositive();
        assertThat(limiter.acquire(1)).isZero();
    }
}

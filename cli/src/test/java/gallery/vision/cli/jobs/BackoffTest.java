package gallery.vision.cli.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void doublesFromTheInitialDelayWithAtMostOneFifthExtra() {
        assertThat(backoff.delay(1, Optional.empty())).isBetween(Duration.ofMillis(500), Duration.ofMillis(600));
        assertThat(backoff.delay(3, Optional.empty())).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400));
    }

    @Test
    void neverWaitsLongerThanTheCapPlusJitter() {
        assertThat(backoff.delay(40, Optional.empty())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));
    }

    @Test
    void waitsAtLeastTheServersRetryAfter() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(5)))).isEqualTo(Duration.ofSeconds(5));
    }
}

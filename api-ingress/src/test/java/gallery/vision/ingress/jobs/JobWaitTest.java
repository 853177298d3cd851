package gallery.vision.ingress.jobs;

import gallery.vision.common.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobWaitTest {

    private static final Duration MAX = Duration.ofSeconds(25);

    @Test
    void readsSecondsWithOrWithoutUnitAndMilliseconds() {
        assertThat(JobWait.parse("20", MAX)).isEqualTo(Duration.ofSeconds(20));
        assertThat(JobWait.parse("20s", MAX)).isEqualTo(Duration.ofSeconds(20));
        assertThat(JobWait.parse("1500ms", MAX)).isEqualTo(Duration.ofMillis(1500));
        assertThat(JobWait.parse("0", MAX)).isZero();
    }

    @Test
    void meansNoWaitWhenAbsentAndCutsLongWaitsToTheMaximum() {
        assertThat(JobWait.parse(null, MAX)).isZero();
        assertThat(JobWait.parse("600s", MAX)).isEqualTo(MAX);
    }

    @Test
    void refusesAnythingElseAsABadRequest() {
        for (String bad : new String[] {"", "soon", "-1", "1.5s", "1h", "PT20S", "99999999999"}) {
            assertThatThrownBy(() -> JobWait.parse(bad, MAX)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("wait must be");
        }
    }
}

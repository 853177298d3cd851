package gallery.vision.common.answer;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @Test
    void formatsTimestampsWithMillisecondsLikeJavaScript() {
        assertThat(Timestamps.iso(Instant.parse("2021-02-28T07:15:11Z"))).isEqualTo("2021-02-28T07:15:11.000Z");
    }
}

package gallery.vision.worker.memory;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessMemoryDefaultsTest {

    @Test
    void trimsEveryTenSecondsWhenNothingIsSet() {
        assertThat(ProcessMemoryDefaults.trimInterval(null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsTheTrimIntervalWithItsUnitAndZeroAsOff() {
        assertThat(ProcessMemoryDefaults.trimInterval("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ProcessMemoryDefaults.trimInterval("0")).isZero();
    }

    @Test
    void refusesABadTrimIntervalNamingTheVariable() {
        assertThatThrownBy(() -> ProcessMemoryDefaults.trimInterval("often"))
                .hasMessageContaining("NATIVE_TRIM_INTERVAL").hasMessageContaining("often");
        assertThatThrownBy(() -> ProcessMemoryDefaults.trimInterval("-5s")).hasMessageContaining("NATIVE_TRIM_INTERVAL");
    }
}

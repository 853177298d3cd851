package gallery.vision.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedPropertiesTest {

    @Test
    void defaultAnalysisThreadsTimesIntraOpThreadsNeverExceedTheCores() {
        EmbeddedProperties defaults = new EmbeddedProperties(0, 64, 0);
        assertThat(defaults.effectiveWorkers(2, 2)).isEqualTo(1);
        assertThat(defaults.effectiveWorkers(1, 2)).isEqualTo(2);
        assertThat(defaults.effectiveWorkers(2, 8)).isEqualTo(4);
        assertThat(defaults.effectiveWorkers(3, 8)).isEqualTo(2);
    }

    @Test
    void keepsOneAnalysisThreadWhenIntraOpThreadsExceedTheCores() {
        assertThat(new EmbeddedProperties(0, 64, 0).effectiveWorkers(4, 2)).isEqualTo(1);
    }

    @Test
    void anExplicitWorkerThreadCountWins() {
        assertThat(new EmbeddedProperties(3, 64, 0).effectiveWorkers(2, 2)).isEqualTo(3);
    }
}

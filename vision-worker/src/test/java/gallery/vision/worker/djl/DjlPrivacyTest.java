package gallery.vision.worker.djl;

import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjlPrivacyTest {

    @Test
    void switchesDjlOfflineAndOptsOutOfTracking() {
        DjlPrivacy.ensure(Map.of());
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat(Utils.isOfflineMode()).isTrue();
        assertThat(Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    }

    @Test
    void refusesAnEnvironmentThatSwitchesTheGuardOff() {
        assertThatThrownBy(() -> DjlPrivacy.ensure(Map.of("DJL_OFFLINE", "false")))
                .hasMessageContaining("DJL_OFFLINE");
        assertThatThrownBy(() -> DjlPrivacy.ensure(Map.of("OPT_OUT_TRACKING", "0")))
                .hasMessageContaining("OPT_OUT_TRACKING");
    }
}

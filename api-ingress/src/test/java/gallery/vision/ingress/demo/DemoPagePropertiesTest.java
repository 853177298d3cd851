package gallery.vision.ingress.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoPagePropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " true "})
    void enablesThePageForTrueInAnyCase(String value) {
        assertThat(new DemoPageProperties(value).enabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "", " "})
    void leavesThePageOffForFalseOrBlank(String value) {
        assertThat(new DemoPageProperties(value).enabled()).isFalse();
    }

    @Test
    void leavesThePageOffWhenUnset() {
        assertThat(new DemoPageProperties(null).enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "maybe"})
    void refusesAnythingButTrueOrFalseNamingTheVariable(String value) {
        assertThatThrownBy(() -> new DemoPageProperties(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DEMO_PAGE must be true or false, got '" + value + "'");
    }
}

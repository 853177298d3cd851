package gallery.vision.ingress.metrics;

import gallery.vision.common.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status the service answers maps to the outcome docs/operations.md gives it. */
class RequestOutcomeTest {

    @Test
    void tellsComputedFromStoredAnswers() {
        assertThat(RequestOutcome.of(200, false)).isEqualTo(RequestOutcome.OK);
        assertThat(RequestOutcome.of(200, true)).isEqualTo(RequestOutcome.CACHED);
    }

    @ParameterizedTest
    @EnumSource(ApiError.class)
    void mapsEveryClientVisibleErrorByItsStatus(ApiError error) {
        RequestOutcome expected = switch (error.status()) {
            case 503 -> RequestOutcome.UNAVAILABLE;
            case 504 -> RequestOutcome.TIMEOUT;
            case 500 -> RequestOutcome.ERROR;
            default -> RequestOutcome.CLIENT_ERROR;
        };
        assertThat(error.status()).isBetween(400, 599);

        assertThat(RequestOutcome.of(error.status(), false)).isEqualTo(expected);
        assertThat(RequestOutcome.of(error.status(), true)).as("a stored answer that failed to be sent is no hit")
                .isEqualTo(expected);
    }

    @Test
    void countsUnexpectedStatusesAsErrors() {
        assertThat(RequestOutcome.of(502, false)).isEqualTo(RequestOutcome.ERROR);
        assertThat(RequestOutcome.of(302, false)).isEqualTo(RequestOutcome.ERROR);
    }
}

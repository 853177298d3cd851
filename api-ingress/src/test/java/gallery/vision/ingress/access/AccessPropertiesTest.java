package gallery.vision.ingress.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPropertiesTest {

    @Test
    void toStringNeverShowsTheTokens() {
        AccessProperties settings = new AccessProperties("token-never-printed-0123456789", null, 2);

        assertThat(settings.toString()).doesNotContain("token-never-printed").contains("rateLimit=2.0");
    }

    @Test
    void blankSettingsMeanUnset() {
        AccessProperties settings = new AccessProperties(" ", "", 0);

        assertThat(settings.tokens()).isNull();
        assertThat(settings.tokensFile()).isNull();
        assertThat(settings.rateLimited()).isFalse();
    }
}

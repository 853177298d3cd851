package gallery.vision.ingress.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matching of presented tokens against the accepted ones, and what a bad token list says (never the token). */
class AccessTokensTest {

    private static final String FIRST = "first-token-0123456789abcdef";
    private static final String SECOND = "second-token-fedcba9876543210";

    @Test
    void findsEachAcceptedTokenByPosition() {
        AccessTokens tokens = AccessTokens.of("API_TOKENS", List.of(FIRST, " " + SECOND + " "));

        assertThat(tokens.indexOf(FIRST)).isZero();
        assertThat(tokens.indexOf(SECOND)).isEqualTo(1);
    }

    @Test
    void rejectsPrefixesExtensionsAndOtherCase() {
        AccessTokens tokens = AccessTokens.of("API_TOKENS", List.of(FIRST));

        assertThat(tokens.indexOf(FIRST.substring(0, FIRST.length() - 1))).isEqualTo(-1);
        assertThat(tokens.indexOf(FIRST + "0")).isEqualTo(-1);
        assertThat(tokens.indexOf(FIRST.toUpperCase())).isEqualTo(-1);
        assertThat(tokens.indexOf("")).isEqualTo(-1);
    }

    @Test
    void countsADuplicateOnce() {
        assertThat(AccessTokens.of("API_TOKENS", List.of(FIRST, "", FIRST, SECOND)).count()).isEqualTo(2);
    }

    @Test
    void refusesAShortTokenNamingItsPositionButNotItsValue() {
        String weak = "password1";

        assertThatThrownBy(() -> AccessTokens.of("API_TOKENS", List.of(FIRST, weak)))
                .hasMessageContaining("API_TOKENS: token 2")
                .hasMessageNotContaining(weak)
                .hasMessageNotContaining(FIRST);
    }

    @Test
    void refusesCharactersAClientCannotSendAfterBearer() {
        assertThatThrownBy(() -> AccessTokens.of("API_TOKENS", List.of("token with spaces inside it")))
                .hasMessageContaining("API_TOKENS: token 1");
    }

    @Test
    void refusesAListWithoutToken() {
        assertThatThrownBy(() -> AccessTokens.of("API_TOKENS", List.of(" ", ""))).hasMessageContaining("lists no token");
    }
}

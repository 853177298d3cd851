package gallery.vision.ingress.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the API. With neither token setting, every route is open to whoever reaches the port (loopback by
 * default), as the original server was.
 *
 * @param tokens     {@code API_TOKENS}: access tokens separated by commas; when set (or {@code tokensFile}), every
 *                   route but the health probes needs {@code Authorization: Bearer <token>}
 * @param tokensFile {@code API_TOKENS_FILE}: a file with one access token per line (blank lines and lines starting
 *                   with {@code #} are skipped), e.g. a mounted secret; read once at start-up
 * @param rateLimit  {@code RATE_LIMIT}: requests per second allowed per token (a burst of one second's worth is
 *                   allowed); 0 switches the limit off. Needs tokens: the limit is counted per token.
 */
@Validated
@ConfigurationProperties("gallery.access")
public record AccessProperties(String tokens, String tokensFile, double rateLimit) {

    public AccessProperties {
        tokens = blankToNull(tokens);
        tokensFile = blankToNull(tokensFile);
        if (tokens != null && tokensFile != null) {
            throw new IllegalArgumentException("set API_TOKENS or API_TOKENS_FILE, not both");
        }
        if (!Double.isFinite(rateLimit) || rateLimit < 0) {
            throw new IllegalArgumentException(
                    "RATE_LIMIT must be 0 (off) or a positive number of requests per second, got " + rateLimit);
        }
        if (rateLimit > 0 && tokens == null && tokensFile == null) {
            throw new IllegalArgumentException(
                    "RATE_LIMIT is counted per access token: set API_TOKENS or API_TOKENS_FILE as well, or RATE_LIMIT=0");
        }
    }

    /** Whether requests are counted per token. */
    public boolean rateLimited() {
        return rateLimit > 0;
    }

    /** Never shows the tokens themselves. */
    @Override
    public String toString() {
        return "AccessProperties[tokens=" + (tokens == null ? "unset" : "(redacted)") + ", tokensFile=" + tokensFile
                + ", rateLimit=" + rateLimit + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package gallery.vision.ingress.jobs;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Job ids: 128 bits from {@link SecureRandom} in base64url without padding (22 characters), so that a job can only
 * be read by whoever submitted it (or was given its id). Thread-safe, as {@link SecureRandom} is.
 */
final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private JobIds() {
    }

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return ENCODER.encodeToString(bits);
    }
}

package gallery.vision.ingress.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The accepted access tokens, kept only as SHA-256 hashes. A presented token is hashed and compared with every
 * accepted hash by {@link MessageDigest#isEqual} (constant time, no early exit), so neither the comparison nor the
 * number of tokens checked tells an attacker how close a guess was. No method returns, logs or puts a token in an
 * exception message; errors name the setting and the token's position only. Immutable and thread-safe.
 */
public final class AccessTokens {

    /** Shortest token accepted: 16 characters of a random hex or base64 string are far beyond guessing. */
    static final int MIN_LENGTH = 16;

    /** RFC 6750's {@code b64token}: what a client can send after {@code Bearer }. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final List<byte[]> hashes;

    private AccessTokens(List<byte[]> hashes) {
        this.hashes = hashes;
    }

    /** The tokens the settings name; empty when neither {@code API_TOKENS} nor {@code API_TOKENS_FILE} is set. */
    static AccessTokens load(AccessProperties settings) {
        if (settings.tokens() != null) {
            return of("API_TOKENS", Arrays.asList(settings.tokens().split(",")));
        }
        if (settings.tokensFile() != null) {
            Path file = Path.of(settings.tokensFile());
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.strip().startsWith("#"))
                        .toList();
                return of("API_TOKENS_FILE " + file, lines);
            } catch (IOException e) {
                throw new IllegalArgumentException("API_TOKENS_FILE " + file + " cannot be read: " + e, e);
            }
        }
        return new AccessTokens(List.of());
    }

    /**
     * Accepts the non-blank entries of {@code entries} (stripped, duplicates once); {@code source} names the setting
     * in error messages.
     */
    static AccessTokens of(String source, List<String> entries) {
        List<byte[]> hashes = new ArrayList<>();
        int position = 0;
        for (String entry : entries) {
            String token = entry.strip();
            if (token.isEmpty()) {
                continue;
            }
            position++;
            if (token.length() < MIN_LENGTH || !B64TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException(source + ": token " + position + " must be at least " + MIN_LENGTH
                        + " characters of A-Z a-z 0-9 - . _ ~ + / (then optional =), e.g. from `openssl rand -hex 24`");
            }
            byte[] hash = sha256(token);
            if (hashes.stream().noneMatch(known -> MessageDigest.isEqual(known, hash))) {
                hashes.add(hash);
            }
        }
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no token");
        }
        return new AccessTokens(List.copyOf(hashes));
    }

    /** Whether any token is configured, i.e. whether requests must carry one. */
    boolean required() {
        return !hashes.isEmpty();
    }

    /** How many distinct tokens are accepted. */
    int count() {
        return hashes.size();
    }

    /**
     * The position (0-based) of the accepted token equal to {@code presented}, or -1. Every accepted hash is compared,
     * whatever matched before.
     */
    int indexOf(String presented) {
        byte[] hash = sha256(presented);
        int found = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), hash)) {
                found = i;
            }
        }
        return found;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

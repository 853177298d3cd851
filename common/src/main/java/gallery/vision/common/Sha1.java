package gallery.vision.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-1 hex digests, the identity of every image in this system. */
public final class Sha1 {

    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");

    private Sha1() {
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    public static boolean isValid(String sha1) {
        return sha1 != null && HEX40.matcher(sha1).matches();
    }
}

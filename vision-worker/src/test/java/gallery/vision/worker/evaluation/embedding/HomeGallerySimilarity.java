package gallery.vision.worker.evaluation.embedding;

import java.util.Base64;

/**
 * Home Gallery's similar-photo search, reimplemented from reading its code (not copied), so that embeddings are
 * measured exactly as a Home Gallery user meets them:
 * <ul>
 *   <li>{@link #hash}: the database's {@code similarityHash} ({@code packages/database/src/media/similarity.js}):
 *       every third value from the first, each turned into a 2-bit code ({@link HomeGalleryCode#code}, with the
 *       value as JavaScript reads it from the JSON answer), four codes per byte from the high bits down (missing
 *       codes 0), the bytes in base64;</li>
 *   <li>{@link #similarity}: the web app's {@code cosineSimilarity} of two hashes
 *       ({@code packages/webapp/src/plugin/similarQueryPlugin.ts}): each base64 character gives three codes from
 *       its low bits up ({@code =} padding counts as 0), each code {@code c} becomes {@code c * c / 9}, and the
 *       result is the cosine of those values; NaN when either side is all zeros;</li>
 *   <li>{@link #shown}: the "similar" view keeps a photo unless its similarity is below {@value #THRESHOLD} (so a
 *       NaN similarity is kept, as in the web app).</li>
 * </ul>
 * Stateless, thread-safe.
 */
public final class HomeGallerySimilarity {

    /** Photos below this similarity are filtered out of the "similar" view. */
    public static final double THRESHOLD = 0.5;

    private HomeGallerySimilarity() {
    }

    public static String hash(float[] embedding) {
        int kept = (embedding.length + 2) / 3;
        int[] codes = new int[kept];
        for (int i = 0; i < kept; i++) {
            // The JSON answer carries the float's shortest decimal; JavaScript reads that as a double.
            codes[i] = HomeGalleryCode.code(Double.parseDouble(Float.toString(embedding[i * 3])));
        }
        byte[] bytes = new byte[(kept + 3) / 4];
        for (int i = 0; i < bytes.length; i++) {
            int b = 0;
            for (int j = 0; j < 4; j++) {
                int index = i * 4 + j;
                b |= (index < kept ? codes[index] & 3 : 0) << (6 - 2 * j);
            }
            bytes[i] = (byte) b;
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static double similarity(String a, String b) {
        double num = 0;
        double denA = 0;
        double denB = 0;
        for (int i = 0; i < a.length(); i++) {
            int ai = base64Value(a.charAt(i));
            int bi = i < b.length() ? base64Value(b.charAt(i)) : 0;
            for (int j = 0; j < 3; j++) {
                double av = (ai & 3) * (ai & 3) / 9.0;
                double bv = (bi & 3) * (bi & 3) / 9.0;
                num += av * bv;
                denA += av * av;
                denB += bv * bv;
                ai >>= 2;
                bi >>= 2;
            }
        }
        return num / (Math.sqrt(denA) * Math.sqrt(denB));
    }

    /** Whether the "similar" view shows a photo with this similarity to the seed. */
    public static boolean shown(double similarity) {
        return !(similarity < THRESHOLD);
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '+') {
            return 62;
        } else if (c == '/') {
            return 63;
        }
        return 0;
    }
}

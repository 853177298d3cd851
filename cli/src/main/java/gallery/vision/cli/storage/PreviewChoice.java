package gallery.vision.cli.storage;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the preview Home Gallery's extractor sends to its API server: the largest {@code image-preview-<size>.jpg}
 * with a size of at most 800, never a larger one. Pure and thread-safe.
 */
public final class PreviewChoice {

    /** The largest preview size the extractor sends. */
    public static final int MAX_SIZE = 800;

    private static final Pattern PREVIEW = Pattern.compile("image-preview-(\\d{1,5})\\.jpg");

    private PreviewChoice() {
    }

    /** The suffix of the preview to send among an entry's file suffixes, or empty when none is at most 800. */
    public static Optional<String> choose(Collection<String> suffixes) {
        String best = null;
        int bestSize = -1;
        for (String suffix : suffixes) {
            Matcher m = PREVIEW.matcher(suffix);
            if (m.matches()) {
                int size = Integer.parseInt(m.group(1));
                if (size <= MAX_SIZE && size > bestSize) {
                    best = suffix;
                    bestSize = size;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}

package gallery.vision.cli.storage;

import gallery.vision.cli.analysis.Analysis;

import java.nio.file.Path;
import java.util.Set;

/**
 * One entry of a Home Gallery storage directory: its files live in {@code dir} as {@code <prefix>-<suffix>}, where
 * the 40-hex entry id is the two directory names followed by the prefix.
 *
 * @param id       the entry id (sha1 of the original file)
 * @param dir      the {@code ab/cd} directory
 * @param prefix   the id without its first four characters
 * @param suffixes the suffixes of the entry's files
 */
public record StorageEntry(String id, Path dir, String prefix, Set<String> suffixes) {

    /** Home Gallery stores a video's poster frame under this suffix; its extractor sends no video to the API server. */
    public static final String VIDEO_POSTER = "video-poster.jpg";

    public StorageEntry {
        suffixes = Set.copyOf(suffixes);
    }

    /** The path of the entry's file with this suffix (whether it exists or not). */
    public Path file(String suffix) {
        return dir.resolve(prefix + "-" + suffix);
    }

    /** Where Home Gallery reads this analysis' answer for the entry. */
    public Path answerFile(Analysis analysis) {
        return file(analysis.storageSuffix());
    }

    public boolean hasAnswer(Analysis analysis) {
        return suffixes.contains(analysis.storageSuffix());
    }

    public boolean isVideo() {
        return suffixes.contains(VIDEO_POSTER);
    }
}

package gallery.vision.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three analyses the service offers, each served at {@code POST /<path>}.
 *
 * <p>The flags mirror the seed's answer shapes: objects and faces report the decoded image size. Every analysis
 * reports its model's name and version (the seed's faces answer had no {@code version}; ours adds it, which Home
 * Gallery ignores, so that a stored face answer tells which model computed it).
 */
public enum AnalysisKind {
    EMBEDDINGS("embeddings", false),
    OBJECTS("objects", true),
    FACES("faces", true);

    private final String path;
    private final boolean reportsSize;

    AnalysisKind(String path, boolean reportsSize) {
        this.path = path;
        this.reportsSize = reportsSize;
    }

    /** The route segment and the name used in queue names and storage keys. */
    public String path() {
        return path;
    }

    public boolean reportsSize() {
        return reportsSize;
    }

    public static Optional<AnalysisKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}

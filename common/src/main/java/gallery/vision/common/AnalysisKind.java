package gallery.vision.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three analyses the service offers, each served at {@code POST /<path>}.
 *
 * <p>The flags mirror the seed's answer shapes: objects and faces report the decoded image size, embeddings and
 * objects report a model version, faces report only the model name.
 */
public enum AnalysisKind {
    EMBEDDINGS("embeddings", false, true),
    OBJECTS("objects", true, true),
    FACES("faces", true, false);

    private final String path;
    private final boolean reportsSize;
    private final boolean reportsVersion;

    AnalysisKind(String path, boolean reportsSize, boolean reportsVersion) {
        this.path = path;
        this.reportsSize = reportsSize;
        this.reportsVersion = reportsVersion;
    }

    /** The route segment and the name used in queue names and storage keys. */
    public String path() {
        return path;
    }

    public boolean reportsSize() {
        return reportsSize;
    }

    public boolean reportsVersion() {
        return reportsVersion;
    }

    public static Optional<AnalysisKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}

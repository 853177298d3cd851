package gallery.vision.common.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code manifest.json}: a JSON array of {@link ModelEntry}. Stateless, thread-safe.
 */
public final class ModelManifest {

    /**
     * File name of the manifest inside a model directory (and on the classpath under {@code gallery/vision/models/},
     * where the models module packages it).
     */
    public static final String FILE_NAME = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ModelManifest() {
    }

    public static List<ModelEntry> read(InputStream in) throws IOException {
        try {
            return List.copyOf(JSON.readValue(in, new TypeReference<List<ModelEntry>>() { }));
        } catch (JacksonException e) {
            throw new IOException("unreadable model manifest: " + e.getOriginalMessage(), e);
        }
    }

    public static void write(List<ModelEntry> entries, Path file) throws IOException {
        try {
            Files.writeString(file, JSON.writeValueAsString(entries) + "\n");
        } catch (JacksonException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

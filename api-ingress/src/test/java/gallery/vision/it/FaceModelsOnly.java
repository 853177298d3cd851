package gallery.vision.it;

import gallery.vision.common.models.ModelEntry;
import gallery.vision.models.ModelFiles;
import gallery.vision.common.models.ModelManifest;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A model directory holding only the face models the build converted: workers pointed at it ({@code MODEL_DIR})
 * run the real faces analyzer and have no model for objects or embeddings, so the "not installed" path can be tested.
 */
final class FaceModelsOnly {

    private static Path directory;

    private FaceModelsOnly() {
    }

    static synchronized String directory() {
        if (directory == null) {
            try {
                directory = create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory.toString();
    }

    private static Path create() throws IOException {
        ModelFiles built = ModelFiles.fromClasspath(FaceModelsOnly.class.getClassLoader());
        List<ModelEntry> faces = built.entries().stream().filter(e -> e.name().startsWith("face-")).toList();
        if (faces.size() != 5) {
            throw new IllegalStateException("the build converts five face models, found " + faces.size());
        }
        Path dir = Files.createTempDirectory("gallery-vision-face-models");
        for (ModelEntry entry : faces) {
            Path target = dir.resolve(entry.file());
            Files.createDirectories(target.getParent());
            Files.copy(built.path(entry.name()).orElseThrow(), target);
        }
        Files.write(dir.resolve(ModelManifest.FILE_NAME), JsonMapper.builder().build().writeValueAsBytes(faces));
        return dir;
    }
}

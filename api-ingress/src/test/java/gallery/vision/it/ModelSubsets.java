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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model directories holding part of the models the build converted: a worker pointed at one ({@code MODEL_DIR})
 * installs only those models, as a worker of a mixed fleet does, and has no model for the other analyses.
 */
final class ModelSubsets {

    private static final Map<String, Path> DIRECTORIES = new ConcurrentHashMap<>();

    private ModelSubsets() {
    }

    /** The five face models: the real faces analyzer, nothing for objects or embeddings. */
    static String faces() {
        return directory("face-", 5);
    }

    /** The embedding network only: the real embeddings analyzer, nothing for faces or objects. */
    static String embeddings() {
        return directory("nsfw-mobilenet-v2-features", 1);
    }

    private static String directory(String namePrefix, int expected) {
        return DIRECTORIES.computeIfAbsent(namePrefix, prefix -> {
            try {
                return create(prefix, expected);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toString();
    }

    private static Path create(String namePrefix, int expected) throws IOException {
        ModelFiles built = ModelFiles.fromClasspath(ModelSubsets.class.getClassLoader());
        List<ModelEntry> chosen = built.entries().stream().filter(e -> e.name().startsWith(namePrefix)).toList();
        if (chosen.size() != expected) {
            throw new IllegalStateException("the build converts " + expected + " models named " + namePrefix
                    + "*, found " + chosen.size());
        }
        Path dir = Files.createTempDirectory("gallery-vision-models-" + namePrefix.replaceAll("\\W", ""));
        for (ModelEntry entry : chosen) {
            Path target = dir.resolve(entry.file());
            Files.createDirectories(target.getParent());
            Files.copy(built.path(entry.name()).orElseThrow(), target);
        }
        Files.write(dir.resolve(ModelManifest.FILE_NAME), JsonMapper.builder().build().writeValueAsBytes(chosen));
        return dir;
    }
}

package gallery.vision.worker.faces;

import gallery.vision.models.ModelFiles;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where this process finds the face models, through the models module: the directory named by {@code MODEL_DIR}
 * (manifest plus files) when set, else the models packaged on the classpath. Resolved once per setting: the lookup
 * verifies sha256 sums and extracts classpath files, which the start-up condition and the bean share. Thread-safe.
 */
final class InstalledFaceModels {

    private static final Map<String, Optional<FaceModelFiles>> RESOLVED = new ConcurrentHashMap<>();

    private InstalledFaceModels() {
    }

    static Optional<FaceModelFiles> find(Environment environment) {
        String dir = environment.getProperty(ModelFiles.MODEL_DIR_ENV, "");
        return RESOLVED.computeIfAbsent(dir.trim(), InstalledFaceModels::resolve);
    }

    private static Optional<FaceModelFiles> resolve(String dir) {
        if (dir.isEmpty()) {
            return FaceModelFiles.find(ModelFiles.fromClasspath(InstalledFaceModels.class.getClassLoader())::path);
        }
        if (!Files.exists(Path.of(dir))) {
            return Optional.empty(); // no model directory at all: nothing installed, /faces answers 503
        }
        try {
            return FaceModelFiles.find(ModelFiles.fromDirectory(Path.of(dir))::path);
        } catch (RuntimeException e) {
            throw new IllegalStateException(ModelFiles.MODEL_DIR_ENV + "=" + dir + " is not a usable model directory"
                    + " (manifest.json plus the files it lists): " + e.getMessage(), e);
        }
    }
}

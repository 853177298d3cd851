package gallery.vision.worker.faces;

import gallery.vision.models.ModelFiles;
import gallery.vision.models.ModelManifest;
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
        if (!dir.isEmpty() && !Files.isRegularFile(Path.of(dir).resolve(ModelManifest.FILE_NAME))) {
            return Optional.empty(); // a model directory without a manifest installs nothing: /faces answers 503
        }
        ModelFiles files = dir.isEmpty()
                ? ModelFiles.fromClasspath(InstalledFaceModels.class.getClassLoader())
                : ModelFiles.fromDirectory(Path.of(dir));
        return FaceModelFiles.find(files::path);
    }
}

package gallery.vision.worker.models;

import gallery.vision.common.ModelRef;
import gallery.vision.models.ModelEntry;
import gallery.vision.models.ModelFiles;
import gallery.vision.models.ModelManifest;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single ONNX models this process has installed, through the models module: the directory named by
 * {@code MODEL_DIR} (manifest plus files) when set, else the models packaged on the classpath. A {@code MODEL_DIR}
 * without a manifest installs nothing (every model-backed analysis answers 503 saying its model is not installed). The model files of
 * one setting are resolved once (sha256 checked, classpath files extracted) and shared by the start-up conditions and
 * the beans. Thread-safe.
 */
public final class InstalledModels {

    private static final Map<String, Optional<ModelFiles>> FILES = new ConcurrentHashMap<>();

    private InstalledModels() {
    }

    /**
     * The installed model of that manifest name, or empty when it is not installed.
     *
     * @param environment where {@code MODEL_DIR} is read
     * @param name        manifest name, e.g. {@code centernet-mobilenet-v3}
     */
    public static Optional<InstalledModel> find(Environment environment, String name) {
        Optional<ModelFiles> files = FILES.computeIfAbsent(
                environment.getProperty(ModelFiles.MODEL_DIR_ENV, "").trim(), InstalledModels::files);
        return files.flatMap(f -> f.entry(name).flatMap(e -> f.path(name)
                .map(path -> new InstalledModel(new ModelRef(e.name(), e.version()), path))));
    }

    /** The classpath's models, a model directory's, or none when {@code MODEL_DIR} holds no manifest. */
    private static Optional<ModelFiles> files(String dir) {
        if (dir.isEmpty()) {
            return Optional.of(ModelFiles.fromClasspath(InstalledModels.class.getClassLoader()));
        }
        Path path = Path.of(dir);
        return Files.isRegularFile(path.resolve(ModelManifest.FILE_NAME))
                ? Optional.of(ModelFiles.fromDirectory(path)) : Optional.empty();
    }

    /**
     * A model file ready to load.
     *
     * @param model what answers computed by it report: manifest name and version (e.g.
     *              {@code centernet-mobilenet-v3} / {@code human-models-3.0.4})
     * @param file  the verified ONNX file
     */
    public record InstalledModel(ModelRef model, Path file) {
    }
}

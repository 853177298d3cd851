package gallery.vision.worker.models;

import gallery.vision.common.ModelRef;
import gallery.vision.models.ModelEntry;
import gallery.vision.models.ModelFiles;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single ONNX models this process has installed, through the models module: the directory named by
 * {@code MODEL_DIR} (manifest plus files) when set, else the models packaged on the classpath. The model files of
 * one setting are resolved once (sha256 checked, classpath files extracted) and shared by the start-up conditions and
 * the beans. Thread-safe.
 */
public final class InstalledModels {

    private static final Map<String, ModelFiles> FILES = new ConcurrentHashMap<>();

    private InstalledModels() {
    }

    /**
     * The installed model of that manifest name, or empty when it is not installed.
     *
     * @param environment where {@code MODEL_DIR} is read
     * @param name        manifest name, e.g. {@code centernet-mobilenet-v3}
     */
    public static Optional<InstalledModel> find(Environment environment, String name) {
        ModelFiles files = files(environment.getProperty(ModelFiles.MODEL_DIR_ENV, "").trim());
        Optional<ModelEntry> entry = files.entry(name);
        return entry.flatMap(e -> files.path(name)
                .map(path -> new InstalledModel(new ModelRef(e.name(), e.version()), path)));
    }

    private static ModelFiles files(String dir) {
        return FILES.computeIfAbsent(dir, d -> d.isEmpty()
                ? ModelFiles.fromClasspath(InstalledModels.class.getClassLoader())
                : ModelFiles.fromDirectory(Path.of(d)));
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

package gallery.vision.worker.models;

import gallery.vision.common.ModelRef;
import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.ModelFiles;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ONNX models this process has installed, through the models module: the directory named by {@code MODEL_DIR}
 * (manifest plus files) when set, else the models packaged on the classpath. A {@code MODEL_DIR} that does not exist
 * installs nothing (every model-backed analysis answers 503 saying its model is not installed); one that exists but
 * is no model directory fails start-up, naming the variable. The model files of one setting are resolved once
 * (sha256 checked, classpath files extracted) and shared by {@link ConditionalOnInstalledModels} and the beans. Every
 * model's name and version come from the manifest. The manifest entries used are those of the precision
 * {@code MODEL_PRECISION} names ({@link ModelPrecisionProperties}; fp32 by default, int8 answers carry the int8 entry's
 * version, e.g. {@code face-api-1.7.15-int8}); a value other than fp32/int8 fails start-up naming the variable.
 * Thread-safe.
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
        return files(environment).flatMap(f -> find(f, name));
    }

    /** The installed model of that manifest name among {@code files}, or empty when it is not installed. */
    public static Optional<InstalledModel> find(ModelFiles files, String name) {
        return files.entry(name).flatMap(e -> files.path(name).map(path -> new InstalledModel(e, path)));
    }

    /**
     * The installed model a bean guarded by {@link ConditionalOnInstalledModels} needs.
     *
     * @throws IllegalStateException when it is not installed (it was when the condition was evaluated)
     */
    public static InstalledModel require(Environment environment, String name) {
        return find(environment, name)
                .orElseThrow(() -> new IllegalStateException("model " + name + " disappeared after start-up checks"));
    }

    /**
     * The model files of this process' {@code MODEL_DIR} setting (the classpath's when unset) at its
     * {@code MODEL_PRECISION}, or empty when it names no existing path; resolved once per pair of settings.
     */
    public static Optional<ModelFiles> files(Environment environment) {
        ModelPrecision precision = precision(environment);
        String dir = environment.getProperty(ModelFiles.MODEL_DIR_ENV, "").trim();
        return FILES.computeIfAbsent(dir + "\u0000" + precision.manifestValue(),
                key -> files(dir).map(f -> f.withPrecision(precision)));
    }

    /**
     * The precision setting ({@code gallery.models.precision}, i.e. {@code MODEL_PRECISION}).
     *
     * @throws IllegalArgumentException naming {@code MODEL_PRECISION} when it is neither fp32 nor int8
     */
    public static ModelPrecision precision(Environment environment) {
        return ModelPrecision.fromSetting(environment.getProperty(ModelPrecisionProperties.PROPERTY,
                environment.getProperty(ModelPrecision.ENV, "")));
    }

    /** The classpath's models, a model directory's, or none when {@code MODEL_DIR} names no existing path. */
    private static Optional<ModelFiles> files(String dir) {
        if (dir.isEmpty()) {
            return Optional.of(ModelFiles.fromClasspath(InstalledModels.class.getClassLoader()));
        }
        Path path = Path.of(dir);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelFiles.fromDirectory(path));
        } catch (RuntimeException e) {
            throw new IllegalStateException(ModelFiles.MODEL_DIR_ENV + "=" + dir + " is not a usable model directory"
                    + " (manifest.json plus the files it lists): " + e.getMessage(), e);
        }
    }

    /**
     * A model file ready to load.
     *
     * @param entry its manifest entry
     * @param file  the verified ONNX file
     */
    public record InstalledModel(ModelEntry entry, Path file) {

        /**
         * What answers computed by this model alone report: manifest name and version (e.g.
         * {@code centernet-mobilenet-v3} / {@code human-models-3.0.4}).
         */
        public ModelRef model() {
            return new ModelRef(entry.name(), entry.version());
        }
    }
}

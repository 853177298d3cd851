package gallery.vision.worker.evaluation.networks;

import ai.djl.Model;
import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The converted networks the evaluation runs: a model directory (manifest + files) named by the system property
 * {@code eval.models} or env {@code EVAL_MODEL_DIR}, default {@code model-build/target/eval-models} of the repository
 * (see {@link NetworkCandidates} for how to fill it), at the precision env {@code MODEL_PRECISION} names (fp32 by
 * default; int8 for the quantised variants of docs/int8.md). Thread-safe.
 */
public final class EvalModels {

    private static final Optional<ModelFiles> FILES = modelDirectory();

    private EvalModels() {
    }

    public static boolean installed(String name) {
        return FILES.flatMap(f -> f.path(name)).isPresent();
    }

    /** Loads a network (2 intra-op threads); fails naming the directory when it is not installed. */
    public static Model load(String name) {
        Path file = FILES.flatMap(f -> f.path(name)).orElseThrow(() -> new IllegalStateException("no converted "
                + "model " + name + " in the evaluation model directory (eval.models / EVAL_MODEL_DIR)"));
        return OnnxModels.load(file, OnnxRuntimeProperties.withThreads(2));
    }

    /** The manifest's version of a model. */
    public static String version(String name) {
        return FILES.flatMap(f -> f.entry(name)).map(ModelEntry::version).orElse("unknown");
    }

    private static Optional<ModelFiles> modelDirectory() {
        String configured = System.getProperty("eval.models", System.getenv("EVAL_MODEL_DIR"));
        Path dir = configured != null ? Path.of(configured) : repoRoot().resolve("model-build/target/eval-models");
        return Files.isRegularFile(dir.resolve("manifest.json")) ? Optional.of(ModelFiles.fromDirectory(dir)
                .withPrecision(ModelPrecision.fromSetting(System.getenv(ModelPrecision.ENV))))
                : Optional.empty();
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("model-build/tfjs-graph-models.json"))) {
                return dir;
            }
        }
        return Path.of("");
    }
}

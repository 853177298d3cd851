package gallery.vision.worker.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession.SessionOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads ONNX files into DJL models on the ONNX Runtime engine, from local files only (no model zoo, no downloads).
 *
 * <p>A loaded {@link Model} holds one ONNX Runtime session; sessions are thread-safe, so a model is created once and
 * shared. Its {@code Predictor}s are not: create one per call (or per thread) with the network's translator, in
 * try-with-resources.
 *
 * <p>This is where the process first touches DJL, so it is the one place that calls {@link DjlPrivacy#ensure()}.
 */
public final class OnnxModels {

    public static final String ENGINE = "OnnxRuntime";

    static {
        DjlPrivacy.ensure();
    }

    private OnnxModels() {
    }

    /**
     * Loads one ONNX file. With an optimised-graph directory set, a graph this machine saved at an earlier start is
     * loaded without optimising again; otherwise the model is optimised (level ALL) and its optimised graph saved
     * there for the next start.
     */
    public static Model load(Path onnxFile, OnnxRuntimeProperties settings) {
        String name = onnxFile.getFileName().toString().replaceFirst("\\.onnx$", "");
        Model model = Model.newInstance(name, Device.cpu(), ENGINE);
        Path saving = null;
        try (SessionOptions options = sessionOptions(settings)) {
            Path source = onnxFile;
            Path entry = null;
            if (settings.savesOptimizedModels()) {
                OptimizedModelCache cache = new OptimizedModelCache(settings.optimizedModelDir());
                entry = cache.entryFor(onnxFile);
                Optional<Path> saved = OptimizedModelCache.existing(entry);
                if (saved.isPresent()) {
                    source = saved.get();
                    options.setOptimizationLevel(SessionOptions.OptLevel.NO_OPT);
                } else {
                    saving = cache.temporaryFor(entry).orElse(null);
                    if (saving != null) {
                        options.setOptimizedModelFilePath(saving.toString());
                        // ONNX Runtime warns that a graph optimised at level ALL suits this machine only: the
                        // cache's file names already say so (see OptimizedModelCache)
                        options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
                    }
                }
            }
            model.load(source, null, Map.of("sessionOptions", options));
            if (saving != null) {
                OptimizedModelCache.publish(saving, entry);
                saving = null;
            }
            return model;
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot read ONNX model " + onnxFile.getFileName(), e);
        } catch (MalformedModelException | OrtException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("cannot load ONNX model " + onnxFile.getFileName(), e);
        } finally {
            if (saving != null) {
                try {
                    Files.deleteIfExists(saving);
                } catch (IOException ignored) {
                    // a stray temporary file in the cache directory
                }
            }
        }
    }

    static SessionOptions sessionOptions(OnnxRuntimeProperties settings) throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", settings.threadSpinning() ? "1" : "0");
            options.setCPUArenaAllocator(settings.cpuArena());
            options.setMemoryPatternOptimization(settings.memoryPattern());
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}

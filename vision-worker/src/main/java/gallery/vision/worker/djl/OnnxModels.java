package gallery.vision.worker.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

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

    public static Model load(Path onnxFile, OnnxRuntimeProperties settings) {
        String name = onnxFile.getFileName().toString().replaceFirst("\\.onnx$", "");
        Model model = Model.newInstance(name, Device.cpu(), ENGINE);
        try (SessionOptions options = sessionOptions(settings)) {
            model.load(onnxFile, null, Map.of("sessionOptions", options));
            return model;
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot read ONNX model " + onnxFile.getFileName(), e);
        } catch (MalformedModelException | OrtException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("cannot load ONNX model " + onnxFile.getFileName(), e);
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
            options.setMemoryPatternOptimization(settings.cpuArena());
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}

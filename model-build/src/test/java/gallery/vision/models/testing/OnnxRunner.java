package gallery.vision.models.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs an ONNX model on ONNX Runtime in tests: one this module's build converted, or any file. */
public final class OnnxRunner implements AutoCloseable {

    /** One output: its shape and values (row-major). */
    public record Output(long[] shape, float[] values) {
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxRunner(Path model) throws OrtException {
        session = env.createSession(model.toString(), new OrtSession.SessionOptions());
    }

    /** Where this module's build writes the converted models (see {@code model.files.dir} in its pom). */
    public static final Path CONVERTED = Path.of("target/model-files/gallery/vision/models");

    /** Opens the named model the build converted (listed in {@link #CONVERTED}'s manifest); fails when it is not there. */
    public static OnnxRunner open(String name) throws OrtException {
        ModelEntry entry;
        try (InputStream in = Files.newInputStream(CONVERTED.resolve(ModelManifest.FILE_NAME))) {
            entry = ModelManifest.read(in).stream().filter(e -> e.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("model not converted: " + name));
        } catch (IOException e) {
            throw new AssertionError("no converted models in " + CONVERTED.toAbsolutePath() + " (run the build)", e);
        }
        return new OnnxRunner(CONVERTED.resolve(entry.file()));
    }

    public Map<String, Output> run(float[] input, long... shape) throws OrtException {
        return run("input", input, shape);
    }

    /** Runs the model with one float32 input called {@code inputName}. */
    public Map<String, Output> run(String inputName, float[] input, long... shape) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result r = session.run(Map.of(inputName, t))) {
            Map<String, Output> out = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : r) {
                OnnxTensor v = (OnnxTensor) e.getValue();
                FloatBuffer fb = v.getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                out.put(e.getKey(), new Output(((TensorInfo) v.getInfo()).getShape(), values));
            }
            return out;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}

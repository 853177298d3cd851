package gallery.vision.models.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import gallery.vision.models.ModelFiles;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs an ONNX model from the packaged models on ONNX Runtime in tests. */
public final class OnnxModels implements AutoCloseable {

    /** One output: its shape and values (row-major). */
    public record Output(long[] shape, float[] values) {
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxModels(Path model) throws OrtException {
        session = env.createSession(model.toString(), new OrtSession.SessionOptions());
    }

    /** Opens the named model from the classpath (the build's output); fails when it is not there. */
    public static OnnxModels open(String name) throws OrtException {
        Path p = ModelFiles.fromClasspath(OnnxModels.class.getClassLoader()).path(name)
                .orElseThrow(() -> new AssertionError("model not packaged: " + name));
        return new OnnxModels(p);
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

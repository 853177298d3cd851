package gallery.vision.models.onnx.quant;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.proto.TensorProto;
import gallery.vision.models.onnx.proto.TypeProto;
import gallery.vision.models.onnx.proto.ValueInfoProto;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Static calibration: runs the float32 model on ONNX Runtime with the tensors to calibrate exposed as extra graph
 * outputs, and keeps each tensor's min and max over all calibration inputs. Not thread-safe: one calibrator per
 * model, used by one thread; close it.
 */
public final class ActivationCalibrator implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final Map<String, ActivationRange> ranges = new HashMap<>();

    /** A session on {@code model} with every tensor of {@code tensors} added as an output. */
    public ActivationCalibrator(ModelProto model, Set<String> tensors) throws OrtException {
        var graph = model.getGraph().toBuilder();
        Set<String> existing = new HashSet<>();
        graph.getOutputList().forEach(o -> existing.add(o.getName()));
        for (String t : tensors) {
            if (!existing.contains(t)) {
                graph.addOutput(ValueInfoProto.newBuilder().setName(t).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
            }
        }
        this.inputName = model.getGraph().getInput(0).getName();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            this.session = env.createSession(model.toBuilder().setGraph(graph).build().toByteArray(), options);
        }
    }

    /** Runs one input ({@code shape}, row-major values) and widens the ranges by what it produced. */
    public void observe(float[] values, long... shape) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            for (Map.Entry<String, OnnxValue> e : result) {
                if (e.getValue() instanceof OnnxTensor t && t.getInfo().type == OnnxJavaType.FLOAT) {
                    FloatBuffer b = t.getFloatBuffer();
                    float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
                    while (b.hasRemaining()) {
                        float v = b.get();
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    if (min <= max) {
                        ranges.merge(e.getKey(), new ActivationRange(min, max), ActivationRange::union);
                    }
                }
            }
        }
    }

    /** The ranges observed so far, by tensor name. */
    public Map<String, ActivationRange> ranges() {
        return Map.copyOf(ranges);
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}

package gallery.vision.models.tfjs.graph;

import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of one conversion, handed to every {@link OpHandler}: the converted tensors by TensorFlow name, the ONNX
 * graph under construction and the weights.
 * <p>Layout: tensors keep TensorFlow's layout (NHWC feature maps stay NHWC), so shapes, axes and element order of
 * every op are TensorFlow's. Only convolutions and pooling, which ONNX defines on NCHW, transpose their input to
 * NCHW and their result back ({@link #toNchw}, {@link #toNhwc}); a transpose back of a value that came out of such
 * a transpose reuses the original, so chains of convolutions stay NCHW. ONNX Runtime's transpose optimizer removes
 * the pairs left around element-wise ops.
 * <p>Not thread-safe: one context per conversion.
 */
public final class ConversionContext {

    private final GraphBuilder graph;
    private final TfOps ops;
    private final TfConvolutions convolutions;
    private final WeightMap weights;
    private final Map<String, TfTensor> tensors = new HashMap<>();
    private final Map<Constant, Value> written = new IdentityHashMap<>();
    private final Map<String, Value> nchwSource = new HashMap<>();

    ConversionContext(GraphBuilder graph, WeightMap weights) {
        this.graph = graph;
        this.ops = new TfOps(graph);
        this.convolutions = new TfConvolutions(graph);
        this.weights = weights;
    }

    public GraphBuilder graph() {
        return graph;
    }

    public TfOps ops() {
        return ops;
    }

    public TfConvolutions convolutions() {
        return convolutions;
    }

    public WeightMap weights() {
        return weights;
    }

    /** Canonical tensor name: {@code node:index}. */
    static String key(String ref) {
        int colon = ref.lastIndexOf(':');
        if (colon > 0 && ref.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < ref.length() - 1) {
            return ref;
        }
        return ref + ":0";
    }

    static String nodeName(String ref) {
        String k = key(ref);
        return k.substring(0, k.lastIndexOf(':'));
    }

    public int inputCount(TfNode node) {
        return node.inputs().size();
    }

    public TfTensor input(TfNode node, int i) {
        if (i >= node.inputs().size()) {
            throw ConversionException.at(node, "expects at least " + (i + 1) + " inputs, has " + node.inputs().size());
        }
        return tensor(node.inputs().get(i));
    }

    public TfTensor tensor(String ref) {
        TfTensor t = tensors.get(key(ref));
        if (t == null) {
            throw new ConversionException("tensor " + ref + " was not converted (missing node or output index)");
        }
        return t;
    }

    public boolean isConstant(TfNode node, int i) {
        return input(node, i) instanceof Constant;
    }

    /** An input that must be known at conversion time (a shape, axis, padding, filter...). */
    public Constant constant(TfNode node, int i) {
        if (input(node, i) instanceof Constant c) {
            return c;
        }
        throw ConversionException.at(node, "input " + i + " (" + node.inputs().get(i)
                + ") must be a constant, but is computed at run time");
    }

    /** An input as an ONNX value; a constant input is written as an initializer (once). */
    public Value value(TfNode node, int i) {
        try {
            return value(input(node, i));
        } catch (IllegalArgumentException e) {
            throw ConversionException.at(node, e.getMessage());
        }
    }

    public Value value(TfTensor t) {
        if (t instanceof TfTensor.Runtime r) {
            return r.value();
        }
        Constant c = (Constant) t;
        if (!c.isFloat()) {
            throw new IllegalArgumentException("integer tensor " + c + " would be needed at run time; only float32"
                    + " tensors are computed at run time (cut the graph before integer post-processing)");
        }
        return written.computeIfAbsent(c, k -> graph.constant("const", k.toFloatTensor()));
    }

    /** Defines the node's outputs {@code node:0}, {@code node:1}, ... */
    public void define(TfNode node, List<? extends TfTensor> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            tensors.put(node.name() + ":" + i, outputs.get(i));
        }
    }

    public void define(TfNode node, TfTensor output) {
        define(node, List.of(output));
    }

    /** Defines the node's single output as a runtime value. */
    public void define(TfNode node, Value output) {
        define(node, new TfTensor.Runtime(output));
    }

    void defineTensor(String ref, TfTensor t) {
        tensors.put(key(ref), t);
    }

    /** NHWC to NCHW, reusing the NCHW value an NHWC value was made from. */
    public Value toNchw(Value nhwc) {
        Value source = nchwSource.get(nhwc.name());
        return source != null ? source : ops.nhwcToNchw(nhwc);
    }

    /** NCHW to NHWC; remembers the pair for {@link #toNchw}. */
    public Value toNhwc(Value nchw) {
        Value nhwc = ops.nchwToNhwc(nchw);
        nchwSource.put(nhwc.name(), nchw);
        return nhwc;
    }
}

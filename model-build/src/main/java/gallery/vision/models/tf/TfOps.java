package gallery.vision.models.tf;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TensorFlow-style element-wise, layout and dense operations on an ONNX graph. Feature maps inside the graph are
 * NCHW (ONNX's convolution layout); {@link #nhwcToNchw} / {@link #nchwToNhwc} convert at the edges.
 * <p>Not thread-safe: wraps one {@link GraphBuilder}.
 */
public final class TfOps {

    private final GraphBuilder g;
    private final Map<Float, Value> scalars = new HashMap<>();

    public TfOps(GraphBuilder g) {
        this.g = g;
    }

    public GraphBuilder graph() {
        return g;
    }

    /** A shared float scalar constant. */
    public Value scalar(float v) {
        return scalars.computeIfAbsent(v, k -> g.scalar("const", k));
    }

    public Value nhwcToNchw(Value x) {
        return transpose(x, 0, 3, 1, 2);
    }

    public Value nchwToNhwc(Value x) {
        return transpose(x, 0, 2, 3, 1);
    }

    public Value transpose(Value x, int... perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = x.dim(perm[i]);
        }
        return g.node("Transpose", List.of(x), out, Attrs.ints("perm", perm));
    }

    public Value relu(Value x) {
        return unary("Relu", x);
    }

    /** {@code min(max(x, 0), 6)}, TensorFlow's relu6 / clipByValue(0, 6). */
    public Value relu6(Value x) {
        return g.node("Clip", List.of(x, scalar(0f), scalar(6f)), x.shape());
    }

    public Value sigmoid(Value x) {
        return unary("Sigmoid", x);
    }

    public Value exp(Value x) {
        return unary("Exp", x);
    }

    public Value unary(String opType, Value x) {
        return g.node(opType, List.of(x), x.shape());
    }

    public Value add(Value a, Value b) {
        return binary("Add", a, b);
    }

    public Value sub(Value a, Value b) {
        return binary("Sub", a, b);
    }

    public Value mul(Value a, Value b) {
        return binary("Mul", a, b);
    }

    public Value div(Value a, Value b) {
        return binary("Div", a, b);
    }

    /** Element-wise op with numpy broadcasting. */
    public Value binary(String opType, Value a, Value b) {
        return g.node(opType, List.of(a, b), broadcast(a.shape(), b.shape()));
    }

    public Value constant(String hint, FloatTensor t) {
        return g.constant(hint, t);
    }

    /** {@code x @ weights + bias} for x {@code [N, in]}, weights {@code [in, out]} (TensorFlow's dense layout). */
    public Value dense(Value x, FloatTensor weights, FloatTensor bias) {
        Value mm = g.node("MatMul", List.of(x, g.constant("dense_w", weights)), new long[] {x.dim(0), weights.dim(1)});
        return bias == null ? mm : add(mm, g.constant("dense_b", bias));
    }

    /** Flattens an NCHW feature map to {@code [N, H*W*C]} in TensorFlow's (NHWC) element order. */
    public Value flattenNhwc(Value nchw) {
        Value x = nchw.dim(2) == 1 && nchw.dim(3) == 1 ? nchw : nchwToNhwc(nchw);
        long n = 1;
        for (int i = 1; i < x.rank(); i++) {
            n *= x.dim(i);
        }
        return reshape(x, new long[] {x.dim(0), n}, 0, -1);
    }

    /** Reshape; {@code spec} uses ONNX semantics (0 copies the input dimension, -1 is inferred). */
    public Value reshape(Value x, long[] outShape, long... spec) {
        return g.node("Reshape", List.of(x, g.int64s("shape", spec)), outShape);
    }

    public Value softmax(Value x) {
        return g.node("Softmax", List.of(x), x.shape(), Attrs.intValue("axis", -1));
    }

    /** Mean over H and W of an NCHW map: {@code [N, C]}. */
    public Value spatialMean(Value nchw) {
        return g.node("ReduceMean", List.of(nchw), new long[] {nchw.dim(0), nchw.dim(1)},
                Attrs.ints("axes", 2, 3), Attrs.intValue("keepdims", 0));
    }

    /** Zero padding; {@code pads} are ONNX-ordered: all begins, then all ends. */
    public Value pad(Value x, long... pads) {
        long[] out = x.shape().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] == Value.DYNAMIC ? Value.DYNAMIC : out[i] + pads[i] + pads[i + out.length];
        }
        return g.node("Pad", List.of(x, g.int64s("pads", pads)), out);
    }

    /** Selects one index along an axis and drops that axis. */
    public Value gather(Value x, int axis, long index) {
        long[] out = new long[x.rank() - 1];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (i != axis) {
                out[j++] = x.dim(i);
            }
        }
        return g.node("Gather", List.of(x, g.int64Scalar("index", index)), out, Attrs.intValue("axis", axis));
    }

    /** Splits into {@code parts} equal pieces along an axis. */
    public List<Value> split(Value x, int axis, int parts) {
        long[] piece = x.shape().clone();
        piece[axis] = x.dim(axis) / parts;
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            shapes.add(piece);
        }
        return g.node("Split", List.of(x), shapes, Attrs.intValue("axis", axis));
    }

    public Value concat(List<Value> xs, int axis) {
        long[] out = xs.get(0).shape().clone();
        out[axis] = 0;
        for (Value v : xs) {
            out[axis] = out[axis] == Value.DYNAMIC || v.dim(axis) == Value.DYNAMIC ? Value.DYNAMIC : out[axis] + v.dim(axis);
        }
        return g.node("Concat", xs, out, Attrs.intValue("axis", axis));
    }

    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }
}

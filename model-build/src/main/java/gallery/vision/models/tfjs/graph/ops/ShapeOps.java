package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.Shapes;
import gallery.vision.models.tfjs.graph.TfNode;
import gallery.vision.models.tfjs.graph.TfTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape and type ops: {@code Reshape}, {@code Squeeze}, {@code ExpandDims}, {@code Transpose}, {@code Pack},
 * {@code Shape} (static shapes only), {@code Cast} (float to float at run time; any cast of constants) and
 * {@code SparseToDense} (constants only). Constants are folded.
 */
public final class ShapeOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("Reshape", ShapeOps::reshape);
        r.add("Squeeze", ShapeOps::squeeze);
        r.add("ExpandDims", ShapeOps::expandDims);
        r.add("Transpose", ShapeOps::transpose);
        r.add("Pack", ShapeOps::pack);
        r.add("Shape", ShapeOps::shape);
        r.add("Cast", ShapeOps::cast);
        r.add("SparseToDense", ShapeOps::sparseToDense);
    }

    private static void reshape(TfNode n, ConversionContext ctx) {
        long[] spec = ctx.constant(n, 1).longs();
        TfTensor x = ctx.input(n, 0);
        long[] out = Shapes.reshape(x.shape(), spec);
        if (x instanceof Constant c) {
            ctx.define(n, c.reshape(out));
        } else {
            ctx.define(n, ctx.ops().reshape(ctx.value(x), out, spec));
        }
    }

    private static void squeeze(TfNode n, ConversionContext ctx) {
        TfTensor x = ctx.input(n, 0);
        long[] dims = n.has("squeeze_dims") ? n.ints("squeeze_dims") : n.ints("axis");
        List<Long> axes = new ArrayList<>();
        for (int d = 0; d < x.rank(); d++) {
            boolean listed = dims.length == 0 ? x.shape()[d] == 1 : contains(dims, d, x.rank());
            if (listed) {
                if (x.shape()[d] != 1) {
                    throw ConversionException.at(n, "cannot squeeze axis " + d + " of " + Arrays.toString(x.shape()));
                }
                axes.add((long) d);
            }
        }
        unsqueezeOrSqueeze(n, ctx, x, "Squeeze", axes.stream().mapToLong(Long::longValue).toArray());
    }

    private static void expandDims(TfNode n, ConversionContext ctx) {
        TfTensor x = ctx.input(n, 0);
        long axis = Shapes.axis(ctx.constant(n, 1).scalarLong(), x.rank() + 1);
        unsqueezeOrSqueeze(n, ctx, x, "Unsqueeze", new long[] {axis});
    }

    private static void unsqueezeOrSqueeze(TfNode n, ConversionContext ctx, TfTensor x, String op, long[] axes) {
        List<Long> out = new ArrayList<>();
        for (long d : x.shape()) {
            out.add(d);
        }
        if (op.equals("Squeeze")) {
            for (int i = axes.length - 1; i >= 0; i--) {
                out.remove((int) axes[i]);
            }
        } else {
            out.add((int) axes[0], 1L);
        }
        long[] shape = out.stream().mapToLong(Long::longValue).toArray();
        if (x instanceof Constant c) {
            ctx.define(n, c.reshape(shape));
        } else {
            ctx.define(n, ctx.graph().node(op, List.of(ctx.value(x), ctx.graph().int64s("axes", axes)), shape));
        }
    }

    private static boolean contains(long[] axes, int d, int rank) {
        return Arrays.stream(axes).anyMatch(a -> Shapes.axis(a, rank) == d);
    }

    private static void transpose(TfNode n, ConversionContext ctx) {
        int[] perm = Arrays.stream(ctx.constant(n, 1).longs()).mapToInt(Math::toIntExact).toArray();
        TfTensor x = ctx.input(n, 0);
        if (x instanceof Constant c) {
            ctx.define(n, Folding.transpose(c, perm));
        } else {
            ctx.define(n, ctx.ops().transpose(ctx.value(x), perm));
        }
    }

    private static void pack(TfNode n, ConversionContext ctx) {
        List<TfTensor> parts = new ArrayList<>();
        for (int i = 0; i < ctx.inputCount(n); i++) {
            parts.add(ctx.input(n, i));
        }
        int rank = parts.get(0).rank();
        int axis = Shapes.axis(n.i("axis", 0), rank + 1);
        if (parts.stream().allMatch(p -> p instanceof Constant)) {
            List<Constant> expanded = new ArrayList<>();
            for (TfTensor p : parts) {
                expanded.add(((Constant) p).reshape(insert(p.shape(), axis)));
            }
            ctx.define(n, Folding.concat(expanded, axis));
            return;
        }
        List<Value> expanded = new ArrayList<>();
        for (TfTensor p : parts) {
            expanded.add(ctx.graph().node("Unsqueeze", List.of(ctx.value(p), ctx.graph().int64s("axes", axis)),
                    insert(p.shape(), axis)));
        }
        ctx.define(n, ctx.ops().concat(expanded, axis));
    }

    private static long[] insert(long[] shape, int axis) {
        long[] out = new long[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == axis ? 1 : shape[j++];
        }
        return out;
    }

    private static void shape(TfNode n, ConversionContext ctx) {
        long[] shape = ctx.input(n, 0).shape();
        if (Arrays.stream(shape).anyMatch(d -> d == Value.DYNAMIC)) {
            throw ConversionException.at(n, "Shape of a tensor with a dynamic dimension " + Arrays.toString(shape)
                    + " is not supported; give the input a static shape");
        }
        String type = n.type("out_type");
        ctx.define(n, Constant.vector(shape).cast(type == null ? Constant.INT32 : type));
    }

    private static void cast(TfNode n, ConversionContext ctx) {
        String to = n.type("DstT");
        TfTensor x = ctx.input(n, 0);
        if (x instanceof Constant c) {
            ctx.define(n, c.cast(to));
        } else if (Constant.FLOAT.equals(to)) {
            ctx.define(n, x);
        } else {
            throw ConversionException.at(n, "cast of a run-time tensor to " + to + " (only float32 is computed at"
                    + " run time)");
        }
    }

    private static void sparseToDense(TfNode n, ConversionContext ctx) {
        Constant indices = ctx.constant(n, 0);
        long[] shape = ctx.constant(n, 1).longs();
        Constant values = ctx.constant(n, 2);
        double fill = ctx.constant(n, 3).values()[0];
        double[] out = new double[Math.toIntExact(FloatTensor.elementCount(shape))];
        Arrays.fill(out, fill);
        long[] strides = Folding.strides(shape);
        int count = indices.rank() == 0 ? 1 : (int) indices.shape()[0];
        int width = indices.rank() < 2 ? 1 : (int) indices.shape()[1];
        for (int k = 0; k < count; k++) {
            long flat = 0;
            for (int j = 0; j < width; j++) {
                flat += (long) indices.values()[k * width + j] * strides[j];
            }
            out[(int) flat] = values.values().length == 1 ? values.values()[0] : values.values()[k];
        }
        ctx.define(n, new Constant(values.dtype(), shape, out));
    }
}

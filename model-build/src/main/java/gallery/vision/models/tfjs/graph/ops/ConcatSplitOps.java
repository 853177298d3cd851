package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
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
import java.util.List;

/**
 * {@code ConcatV2} (axis last), {@code Concat} (axis first), {@code Split} (equal parts, axis first) and
 * {@code SplitV} (sizes, one may be {@code -1}). Constant concatenations are folded.
 */
public final class ConcatSplitOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("ConcatV2", (n, ctx) -> concat(n, ctx, 0, ctx.inputCount(n) - 1, ctx.inputCount(n) - 1));
        r.add("Concat", (n, ctx) -> concat(n, ctx, 1, ctx.inputCount(n), 0));
        r.add("Split", (n, ctx) -> {
            TfTensor x = ctx.input(n, 1);
            int axis = Shapes.axis(ctx.constant(n, 0).scalarLong(), x.rank());
            int parts = (int) n.i("num_split", 1);
            long[] sizes = new long[parts];
            java.util.Arrays.fill(sizes, x.shape()[axis] / parts);
            split(n, ctx, x, axis, sizes);
        });
        r.add("SplitV", (n, ctx) -> {
            TfTensor x = ctx.input(n, 0);
            int axis = Shapes.axis(ctx.constant(n, 2).scalarLong(), x.rank());
            long[] sizes = ctx.constant(n, 1).longs();
            long rest = x.shape()[axis];
            int infer = -1;
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 0) {
                    infer = i;
                } else {
                    rest -= sizes[i];
                }
            }
            if (infer >= 0) {
                sizes[infer] = rest;
            }
            split(n, ctx, x, axis, sizes);
        });
    }

    private static void concat(TfNode n, ConversionContext ctx, int from, int to, int axisInput) {
        List<TfTensor> parts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            parts.add(ctx.input(n, i));
        }
        int axis = Shapes.axis(ctx.constant(n, axisInput).scalarLong(), parts.get(0).rank());
        if (parts.stream().allMatch(p -> p instanceof Constant)) {
            ctx.define(n, Folding.concat(parts.stream().map(p -> (Constant) p).toList(), axis));
            return;
        }
        List<Value> values = new ArrayList<>();
        for (TfTensor p : parts) {
            values.add(ctx.value(p));
        }
        ctx.define(n, values.size() == 1 ? values.get(0) : ctx.ops().concat(values, axis));
    }

    private static void split(TfNode n, ConversionContext ctx, TfTensor x, int axis, long[] sizes) {
        if (x.shape()[axis] == Value.DYNAMIC) {
            throw ConversionException.at(n, "cannot split along dynamic axis " + axis);
        }
        List<long[]> shapes = new ArrayList<>();
        for (long s : sizes) {
            long[] shape = x.shape().clone();
            shape[axis] = s;
            shapes.add(shape);
        }
        List<Value> outs = ctx.graph().node("Split", List.of(ctx.value(x), ctx.graph().int64s("split", sizes)),
                shapes, Attrs.intValue("axis", axis));
        ctx.define(n, outs.stream().map(TfTensor.Runtime::new).toList());
    }
}

package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.Shapes;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code Mean}, {@code Sum}, {@code Max}, {@code Min}, {@code Prod} over constant axes ({@code keep_dims}).
 * Opset 13 takes the axes of ReduceSum as an input and those of the others as an attribute.
 */
public final class ReductionOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("Mean", (n, ctx) -> reduce(n, ctx, "ReduceMean"));
        r.add("Sum", (n, ctx) -> reduce(n, ctx, "ReduceSum"));
        r.add("Max", (n, ctx) -> reduce(n, ctx, "ReduceMax"));
        r.add("Min", (n, ctx) -> reduce(n, ctx, "ReduceMin"));
        r.add("Prod", (n, ctx) -> reduce(n, ctx, "ReduceProd"));
    }

    private static void reduce(TfNode n, ConversionContext ctx, String onnxOp) {
        Value x = ctx.value(n, 0);
        TreeSet<Integer> axes = new TreeSet<>();
        for (long a : ctx.constant(n, 1).longs()) {
            axes.add(Shapes.axis(a, x.rank()));
        }
        boolean keep = n.b("keep_dims", false);
        List<Long> out = new ArrayList<>();
        for (int d = 0; d < x.rank(); d++) {
            if (!axes.contains(d)) {
                out.add(x.dim(d));
            } else if (keep) {
                out.add(1L);
            }
        }
        long[] shape = out.stream().mapToLong(Long::longValue).toArray();
        long[] axisList = axes.stream().mapToLong(Integer::longValue).toArray();
        if (axes.isEmpty()) {
            ctx.define(n, x);
        } else if (onnxOp.equals("ReduceSum")) {
            ctx.define(n, ctx.graph().node(onnxOp, List.of(x, ctx.graph().int64s("axes", axisList)), shape,
                    Attrs.intValue("keepdims", keep ? 1 : 0)));
        } else {
            ctx.define(n, ctx.graph().node(onnxOp, List.of(x), shape, Attrs.ints("axes", axisList),
                    Attrs.intValue("keepdims", keep ? 1 : 0)));
        }
    }
}

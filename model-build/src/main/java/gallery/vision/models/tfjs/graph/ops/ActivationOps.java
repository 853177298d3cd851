package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * Activations as stand-alone ops: {@code Relu}, {@code Relu6}, {@code Elu}, {@code Selu}, {@code LeakyRelu}
 * ({@code alpha}, default 0.2), {@code Prelu}, {@code Sigmoid}, {@code Tanh}, {@code Softplus} and {@code Softmax}
 * (last axis).
 */
public final class ActivationOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        for (String op : List.of("Relu", "Relu6", "Elu", "Sigmoid", "Tanh")) {
            r.add(op, (n, ctx) -> ctx.define(n, Activations.apply(n, ctx, op, ctx.value(n, 0), 0, null)));
        }
        r.add("LeakyRelu", (n, ctx) -> ctx.define(n, Activations.apply(n, ctx, "LeakyRelu", ctx.value(n, 0),
                n.f("alpha", Activations.DEFAULT_LEAKY_ALPHA), null)));
        r.add("Prelu", (n, ctx) -> ctx.define(n, Activations.apply(n, ctx, "Prelu", ctx.value(n, 0), 0,
                ctx.value(n, 1))));
        r.add("Selu", (n, ctx) -> ctx.define(n, unary(ctx, "Selu", n)));
        r.add("Softplus", (n, ctx) -> ctx.define(n, unary(ctx, "Softplus", n)));
        r.add("Softmax", (n, ctx) -> {
            Value x = ctx.value(n, 0);
            ctx.define(n, ctx.graph().node("Softmax", List.of(x), x.shape(), Attrs.intValue("axis", -1)));
        });
    }

    private static Value unary(ConversionContext ctx, String onnxOp, TfNode n) {
        Value x = ctx.value(n, 0);
        return ctx.graph().node(onnxOp, List.of(x), x.shape());
    }
}

package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph plumbing: {@code Const} (values from the weights manifest), {@code Placeholder} (only valid as a selected
 * input), and the pass-through ops {@code Identity}, {@code IdentityN}, {@code StopGradient}, {@code Snapshot}.
 */
public final class GraphOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("Const", GraphOps::constant);
        r.add("Placeholder", (n, ctx) -> {
            throw ConversionException.at(n, "placeholder is not among the selected inputs");
        });
        r.add(List.of("Identity", "StopGradient", "Snapshot"), (n, ctx) -> ctx.define(n, ctx.input(n, 0)));
        r.add("IdentityN", (n, ctx) -> {
            List<gallery.vision.models.tfjs.graph.TfTensor> outs = new ArrayList<>();
            for (int i = 0; i < ctx.inputCount(n); i++) {
                outs.add(ctx.input(n, i));
            }
            ctx.define(n, outs);
        });
    }

    private static void constant(TfNode n, ConversionContext ctx) {
        if (!ctx.weights().names().contains(n.name())) {
            throw ConversionException.at(n, "constant has no entry in the weights manifest");
        }
        FloatTensor w = ctx.weights().get(n.name());
        double[] values = new double[w.data().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = w.data()[i];
        }
        String dtype = n.type("dtype");
        ctx.define(n, new Constant(dtype == null ? Constant.FLOAT : dtype, w.shape(), values));
    }
}

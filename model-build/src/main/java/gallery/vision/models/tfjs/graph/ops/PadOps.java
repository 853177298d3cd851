package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Pad} (zeros), {@code PadV2} (a constant value) and {@code MirrorPad} ({@code REFLECT}; ONNX has no
 * {@code SYMMETRIC}) with constant {@code [rank, 2]} paddings.
 */
public final class PadOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("Pad", (n, ctx) -> pad(n, ctx, "constant", false));
        r.add("PadV2", (n, ctx) -> pad(n, ctx, "constant", true));
        r.add("MirrorPad", (n, ctx) -> {
            String mode = n.s("mode", "REFLECT");
            if (!mode.equals("REFLECT")) {
                throw ConversionException.at(n, "MirrorPad mode " + mode + " is not supported (REFLECT only)");
            }
            pad(n, ctx, "reflect", false);
        });
    }

    private static void pad(TfNode n, ConversionContext ctx, String mode, boolean withValue) {
        Value x = ctx.value(n, 0);
        long[] p = ctx.constant(n, 1).longs();
        if (p.length != 2 * x.rank()) {
            throw ConversionException.at(n, "paddings must be [" + x.rank() + ", 2]");
        }
        long[] pads = new long[p.length];
        long[] out = x.shape().clone();
        for (int d = 0; d < x.rank(); d++) {
            pads[d] = p[2 * d];
            pads[d + x.rank()] = p[2 * d + 1];
            out[d] = out[d] == Value.DYNAMIC ? Value.DYNAMIC : out[d] + p[2 * d] + p[2 * d + 1];
        }
        List<Value> inputs = new ArrayList<>(List.of(x, ctx.graph().int64s("pads", pads)));
        if (withValue) {
            inputs.add(ctx.value(ctx.constant(n, 2).reshape()));
        }
        ctx.define(n, ctx.graph().node("Pad", inputs, out, Attrs.string("mode", mode)));
    }
}

package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * {@code MatMul} (2-D, {@code transpose_a}/{@code transpose_b}), tfjs's {@code _FusedMatMul} (plus bias and
 * activation) and {@code BiasAdd} (NHWC: the bias broadcasts over the last axis).
 */
public final class MatMulOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("MatMul", MatMulOps::matMul);
        r.add("_FusedMatMul", MatMulOps::matMul);
        r.add("BiasAdd", (n, ctx) -> {
            Windows.requireNhwc(n);
            ctx.define(n, ctx.ops().add(ctx.value(n, 0), ctx.value(n, 1)));
        });
    }

    private static void matMul(TfNode n, ConversionContext ctx) {
        Value a = operand(n, ctx, 0, n.b("transpose_a", false));
        Value b = operand(n, ctx, 1, n.b("transpose_b", false));
        if (a.rank() != 2 || b.rank() != 2) {
            throw ConversionException.at(n, "only 2-D MatMul is supported, got " + a + " x " + b);
        }
        Value y = ctx.graph().node("MatMul", List.of(a, b), new long[] {a.dim(0), b.dim(1)});
        FusedOps fused = FusedOps.of(n, ctx, 2);
        if (fused.bias() != null) {
            y = ctx.ops().add(y, ctx.value(fused.bias()));
        }
        if (fused.activation() != null) {
            Value alpha = fused.preluAlpha() == null ? null : ctx.value(fused.preluAlpha());
            y = Activations.apply(n, ctx, fused.activation(), y, fused.leakyAlpha(), alpha);
        }
        ctx.define(n, y);
    }

    private static Value operand(TfNode n, ConversionContext ctx, int i, boolean transpose) {
        if (!transpose) {
            return ctx.value(n, i);
        }
        if (ctx.input(n, i) instanceof Constant c && c.rank() == 2) {
            return ctx.value(Folding.transpose(c, new int[] {1, 0}));
        }
        return ctx.ops().transpose(ctx.value(n, i), 1, 0);
    }
}

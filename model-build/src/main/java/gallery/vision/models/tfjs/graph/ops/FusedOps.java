package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * What a tfjs fused op ({@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative}, {@code _FusedMatMul}) adds after
 * its main operation, read as tfjs-converter reads it: {@code fused_ops = [extraOp, activation?]} with
 * {@code extraOp} {@code BiasAdd} (tfjs rejects {@code FusedBatchNorm}), {@code num_args} extra inputs after the
 * main ones: the bias, then the PReLU alpha when the activation is {@code Prelu}.
 *
 * @param bias        the bias (constant), or null
 * @param activation  TensorFlow activation name, or null for none
 * @param preluAlpha  PReLU alpha (constant), or null
 * @param leakyAlpha  {@code leakyrelu_alpha}
 */
record FusedOps(Constant bias, String activation, Constant preluAlpha, float leakyAlpha) {

    static FusedOps of(TfNode n, ConversionContext ctx, int firstArg) {
        List<String> ops = n.strings("fused_ops");
        if (ops.isEmpty()) {
            return new FusedOps(null, null, null, 0);
        }
        if (!ops.get(0).equals("BiasAdd")) {
            throw ConversionException.at(n, "fused op " + ops.get(0) + " is not supported (tfjs supports BiasAdd)");
        }
        String activation = ops.size() > 1 ? ops.get(1) : null;
        boolean prelu = "Prelu".equalsIgnoreCase(activation);
        long numArgs = n.i("num_args", prelu ? 2 : 1);
        if (numArgs != (prelu ? 2 : 1)) {
            throw ConversionException.at(n, "fused_ops " + ops + " with num_args " + numArgs);
        }
        Constant bias = ctx.constant(n, firstArg);
        Constant alpha = prelu ? ctx.constant(n, firstArg + 1) : null;
        return new FusedOps(bias, activation, alpha, n.f("leakyrelu_alpha", Activations.DEFAULT_LEAKY_ALPHA));
    }
}

package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Filters;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;

/**
 * {@code Conv2D}, {@code DepthwiseConv2dNative} and their tfjs-fused forms {@code _FusedConv2D},
 * {@code FusedDepthwiseConv2dNative} (bias and activation folded into the same ONNX Conv plus one activation node).
 * NHWC input, constant filter; strides, dilations and {@code SAME} (asymmetric, extra cell at the end),
 * {@code VALID} and {@code EXPLICIT} padding as TensorFlow defines them. The ONNX Conv runs on NCHW between two
 * transposes (see {@link ConversionContext}).
 */
public final class ConvolutionOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("Conv2D", (n, ctx) -> convolve(n, ctx, false));
        r.add("_FusedConv2D", (n, ctx) -> convolve(n, ctx, false));
        r.add("DepthwiseConv2dNative", (n, ctx) -> convolve(n, ctx, true));
        r.add("FusedDepthwiseConv2dNative", (n, ctx) -> convolve(n, ctx, true));
    }

    private static void convolve(TfNode n, ConversionContext ctx, boolean depthwise) {
        Windows.requireNhwc(n);
        Value x = ctx.value(n, 0);
        FloatTensor filter = ctx.constant(n, 1).toFloatTensor();
        if (x.rank() != 4 || filter.rank() != 4) {
            throw ConversionException.at(n, "expects a rank-4 input and filter, got " + x + " and " + filter);
        }
        if (filter.dim(2) != x.dim(3)) {
            throw ConversionException.at(n, "filter " + filter + " does not match the " + x.dim(3) + " input channels");
        }
        long[] strides = Windows.hw(n, "strides");
        long[] dilations = n.has("dilations") ? Windows.hw(n, "dilations") : new long[] {1, 1};
        long[] kernel = {filter.dim(0), filter.dim(1)};
        long[] pads = Windows.pads(n, x, kernel, strides, dilations);
        FloatTensor oihw = depthwise ? Filters.depthwiseToOihw(filter) : Filters.hwioToOihw(filter);
        FusedOps fused = FusedOps.of(n, ctx, 2);
        FloatTensor bias = fused.bias() == null ? null : fused.bias().toFloatTensor().reshape(oihw.dim(0));
        Value y = ctx.convolutions().conv(ctx.toNchw(x), oihw, bias, depthwise ? filter.dim(2) : 1, strides,
                dilations, pads);
        if (fused.activation() != null) {
            Value alpha = fused.preluAlpha() == null ? null
                    : ctx.value(channelsFirst(fused.preluAlpha(), oihw.dim(0)));
            y = Activations.apply(n, ctx, fused.activation(), y, fused.leakyAlpha(), alpha);
        }
        ctx.define(n, ctx.toNhwc(y));
    }

    /** A per-channel (or scalar) NHWC constant as {@code [C, 1, 1]}, broadcasting over an NCHW value. */
    private static Constant channelsFirst(Constant perChannel, long channels) {
        return perChannel.values().length == 1 ? perChannel.reshape()
                : perChannel.reshape(channels, 1, 1);
    }
}

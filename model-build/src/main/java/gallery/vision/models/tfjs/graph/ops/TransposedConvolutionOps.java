package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Filters;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * {@code Conv2DBackpropInput} (TensorFlow's transposed convolution, {@code conv2d_transpose}): inputs
 * {@code input_sizes} (constant NHWC result shape), filter {@code [kh, kw, outC, inC]} (constant), and the NHWC
 * value. The padding is that of the forward convolution from the result size (SAME: smaller half before), so the
 * ONNX ConvTranspose gets the same pads, and {@code output_padding} makes up the rows a strided forward convolution
 * would have dropped at the end. Runs on NCHW between transposes.
 */
public final class TransposedConvolutionOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("Conv2DBackpropInput", TransposedConvolutionOps::convTranspose);
    }

    private static void convTranspose(TfNode n, ConversionContext ctx) {
        Windows.requireNhwc(n);
        long[] size = ctx.constant(n, 0).longs();
        FloatTensor filter = ctx.constant(n, 1).toFloatTensor();
        Value x = ctx.value(n, 2);
        if (size.length != 4 || filter.rank() != 4 || filter.dim(3) != x.dim(3) || filter.dim(2) != size[3]) {
            throw ConversionException.at(n, "input_sizes " + java.util.Arrays.toString(size) + ", filter " + filter
                    + " and input " + x + " do not fit together");
        }
        long[] strides = Windows.hw(n, "strides");
        long[] dilations = n.has("dilations") ? Windows.hw(n, "dilations") : new long[] {1, 1};
        long[] kernel = {filter.dim(0), filter.dim(1)};
        Value forwardInput = new Value("", new long[] {size[0], size[1], size[2], size[3]});
        long[] pads = Windows.pads(n, forwardInput, kernel, strides, dilations);
        long[] outputPadding = new long[2];
        for (int a = 0; a < 2; a++) {
            long effective = (kernel[a] - 1) * dilations[a] + 1;
            long produced = strides[a] * (x.dim(a + 1) - 1) + effective - pads[a] - pads[a + 2];
            outputPadding[a] = size[a + 1] - produced;
            if (outputPadding[a] < 0 || outputPadding[a] >= Math.max(strides[a], dilations[a])) {
                throw ConversionException.at(n, "input_sizes " + java.util.Arrays.toString(size)
                        + " cannot come from a forward convolution of this geometry");
            }
        }
        // ConvTranspose weight [C_in, C_out, kh, kw]: TF [kh, kw, outC, inC] read as HWIO with I=outC, O=inC.
        FloatTensor weight = Filters.hwioToOihw(filter);
        var g = ctx.graph();
        Value y = g.node("ConvTranspose", List.of(ctx.toNchw(x), g.constant("convt_w", weight)),
                new long[] {size[0], size[3], size[1], size[2]},
                Attrs.ints("kernel_shape", kernel),
                Attrs.ints("strides", strides),
                Attrs.ints("dilations", dilations),
                Attrs.ints("pads", pads),
                Attrs.ints("output_padding", outputPadding));
        ctx.define(n, ctx.toNhwc(y));
    }
}

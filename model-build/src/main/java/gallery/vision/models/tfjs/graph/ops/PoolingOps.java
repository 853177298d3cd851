package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;

/**
 * {@code MaxPool} and {@code AvgPool} on NHWC input with TensorFlow's padding: padded cells never win the max and
 * are not counted in the average (ONNX's defaults). Runs on NCHW between transposes.
 */
public final class PoolingOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("MaxPool", (n, ctx) -> pool(n, ctx, "MaxPool"));
        r.add("AvgPool", (n, ctx) -> pool(n, ctx, "AveragePool"));
    }

    private static void pool(TfNode n, ConversionContext ctx, String onnxOp) {
        Windows.requireNhwc(n);
        Value x = ctx.value(n, 0);
        long[] kernel = Windows.hw(n, "ksize");
        long[] strides = Windows.hw(n, "strides");
        long[] pads = Windows.pads(n, x, kernel, strides, new long[] {1, 1});
        ctx.define(n, ctx.toNhwc(ctx.convolutions().pool(onnxOp, ctx.toNchw(x), kernel, strides, pads)));
    }
}

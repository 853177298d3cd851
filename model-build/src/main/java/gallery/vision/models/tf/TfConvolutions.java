package gallery.vision.models.tf;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow convolutions and pooling (weights in TensorFlow layout, {@link Padding} semantics) as ONNX nodes on
 * NCHW feature maps, with explicit (possibly asymmetric) pads so the result matches TensorFlow exactly.
 * <p>Not thread-safe: wraps one {@link GraphBuilder}.
 */
public final class TfConvolutions {

    private final GraphBuilder g;

    public TfConvolutions(GraphBuilder g) {
        this.g = g;
    }

    /** {@code conv2d(x, filter[kh,kw,in,out], stride, padding) + bias}; bias may be null. */
    public Value conv2d(Value x, FloatTensor hwio, FloatTensor bias, int stride, Padding padding) {
        requireChannels(x, hwio.dim(2), "conv2d");
        return conv(x, Filters.hwioToOihw(hwio), bias, stride, padding, 1);
    }

    /** {@code depthwiseConv2d(x, filter[kh,kw,c,multiplier], stride, padding) + bias}; bias may be null. */
    public Value depthwiseConv2d(Value x, FloatTensor hwcm, FloatTensor bias, int stride, Padding padding) {
        requireChannels(x, hwcm.dim(2), "depthwiseConv2d");
        return conv(x, Filters.depthwiseToOihw(hwcm), bias, stride, padding, hwcm.dim(2));
    }

    /** {@code separableConv2d(x, depthwise, pointwise, stride, padding) + bias}: depthwise, then a 1x1 conv. */
    public Value separableConv2d(Value x, FloatTensor depthwise, FloatTensor pointwise, FloatTensor bias,
            int stride, Padding padding) {
        Value dw = depthwiseConv2d(x, depthwise, null, stride, padding);
        return conv2d(dw, pointwise, bias, 1, Padding.VALID);
    }

    /** A convolution already in ONNX layout (OIHW weight, e.g. after folding). */
    public Value conv(Value x, FloatTensor oihw, FloatTensor bias, int stride, Padding padding, int group) {
        int kh = oihw.dim(2), kw = oihw.dim(3);
        Padding.Axis ph = padding.along(x.dim(2), kh, stride);
        Padding.Axis pw = padding.along(x.dim(3), kw, stride);
        return conv(x, oihw, bias, group, new long[] {stride, stride}, new long[] {1, 1},
                new long[] {ph.before(), pw.before(), ph.after(), pw.after()});
    }

    /**
     * The general form: per-axis {@code strides} and {@code dilations} ({h, w}) and explicit ONNX {@code pads}
     * ({top, left, bottom, right}) on an NCHW input; bias may be null.
     */
    public Value conv(Value x, FloatTensor oihw, FloatTensor bias, int group, long[] strides, long[] dilations,
            long[] pads) {
        int kh = oihw.dim(2), kw = oihw.dim(3);
        List<Value> inputs = new ArrayList<>(List.of(x, g.constant("conv_w", oihw)));
        if (bias != null) {
            inputs.add(g.constant("conv_b", bias));
        }
        long oh = outputSize(x.dim(2), kh, strides[0], dilations[0], pads[0] + pads[2]);
        long ow = outputSize(x.dim(3), kw, strides[1], dilations[1], pads[1] + pads[3]);
        return g.node("Conv", inputs, new long[] {x.dim(0), oihw.dim(0), oh, ow},
                Attrs.ints("kernel_shape", kh, kw),
                Attrs.ints("strides", strides),
                Attrs.ints("dilations", dilations),
                Attrs.ints("pads", pads),
                Attrs.intValue("group", group));
    }

    /** Output size of a window of {@code kernel} (dilated) sliding with {@code stride} over padded input. */
    public static long outputSize(long in, long kernel, long stride, long dilation, long padTotal) {
        if (in == Value.DYNAMIC) {
            return Value.DYNAMIC;
        }
        return (in + padTotal - ((kernel - 1) * dilation + 1)) / stride + 1;
    }

    /** TensorFlow max pooling (padding never wins the max). */
    public Value maxPool(Value x, int kernel, int stride, Padding padding) {
        return pool("MaxPool", x, kernel, stride, padding);
    }

    /** TensorFlow average pooling (padded cells are not counted, as in TensorFlow). */
    public Value avgPool(Value x, int kernel, int stride, Padding padding) {
        return pool("AveragePool", x, kernel, stride, padding);
    }

    private Value pool(String op, Value x, int kernel, int stride, Padding padding) {
        Padding.Axis ph = padding.along(x.dim(2), kernel, stride);
        Padding.Axis pw = padding.along(x.dim(3), kernel, stride);
        return pool(op, x, new long[] {kernel, kernel}, new long[] {stride, stride},
                new long[] {ph.before(), pw.before(), ph.after(), pw.after()});
    }

    /**
     * The general form of {@code MaxPool} / {@code AveragePool} (padded cells excluded) on an NCHW input: kernel and
     * strides {h, w}, explicit ONNX pads {top, left, bottom, right}.
     */
    public Value pool(String op, Value x, long[] kernel, long[] strides, long[] pads) {
        long oh = outputSize(x.dim(2), kernel[0], strides[0], 1, pads[0] + pads[2]);
        long ow = outputSize(x.dim(3), kernel[1], strides[1], 1, pads[1] + pads[3]);
        return g.node(op, List.of(x), new long[] {x.dim(0), x.dim(1), oh, ow},
                Attrs.ints("kernel_shape", kernel),
                Attrs.ints("strides", strides),
                Attrs.ints("pads", pads));
    }

    private static void requireChannels(Value x, int expected, String op) {
        if (x.dim(1) != expected) {
            throw new IllegalArgumentException(op + ": input " + x + " has " + x.dim(1) + " channels, filter expects "
                    + expected);
        }
    }
}

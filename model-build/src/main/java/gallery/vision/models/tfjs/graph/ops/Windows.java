package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.TfNode;

/** Window geometry shared by convolutions and pooling: NHWC attributes to ONNX strides and pads. Stateless. */
final class Windows {

    private Windows() {
    }

    static void requireNhwc(TfNode n) {
        String format = n.s("data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw ConversionException.at(n, "data_format " + format + " is not supported (NHWC only)");
        }
    }

    /** The H and W entries of an NHWC attribute list ({@code strides}, {@code dilations}, {@code ksize}). */
    static long[] hw(TfNode n, String attr) {
        long[] v = n.ints(attr);
        if (v.length != 4 || v[0] != 1 || v[3] != 1) {
            throw ConversionException.at(n, attr + " must be [1, h, w, 1], is " + java.util.Arrays.toString(v));
        }
        return new long[] {v[1], v[2]};
    }

    /** ONNX pads {top, left, bottom, right} for the node's {@code padding} on NHWC input {@code x}. */
    static long[] pads(TfNode n, Value x, long[] kernel, long[] strides, long[] dilations) {
        String padding = n.s("padding", "VALID");
        switch (padding) {
            case "VALID":
                return new long[4];
            case "SAME": {
                if (x.dim(1) == Value.DYNAMIC || x.dim(2) == Value.DYNAMIC) {
                    throw ConversionException.at(n, "SAME padding needs known spatial input size, got " + x);
                }
                Padding.Axis h = Padding.SAME.along(x.dim(1), (kernel[0] - 1) * dilations[0] + 1, strides[0]);
                Padding.Axis w = Padding.SAME.along(x.dim(2), (kernel[1] - 1) * dilations[1] + 1, strides[1]);
                return new long[] {h.before(), w.before(), h.after(), w.after()};
            }
            case "EXPLICIT": {
                long[] e = n.ints("explicit_paddings");
                if (e.length != 8) {
                    throw ConversionException.at(n, "explicit_paddings must have 8 entries (NHWC pairs)");
                }
                return new long[] {e[2], e[4], e[3], e[5]};
            }
            default:
                throw ConversionException.at(n, "unknown padding " + padding);
        }
    }
}

package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * The activations TensorFlow.js fuses into {@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative} and
 * {@code _FusedMatMul} (tfjs names them {@code relu, relu6, elu, leakyrelu, prelu, sigmoid}; {@code tanh} and {@code swish} = {@code x * sigmoid(x)}
 * are accepted too), applied to an ONNX value. Stateless.
 */
final class Activations {

    /** tfjs's default {@code leakyrelu_alpha} of fused ops. */
    static final float DEFAULT_LEAKY_ALPHA = 0.2f;

    private Activations() {
    }

    /**
     * Applies {@code activation} (TensorFlow op name, case-insensitive); {@code preluAlpha} is required for
     * {@code Prelu} and must already broadcast against {@code x}.
     */
    static Value apply(TfNode node, ConversionContext ctx, String activation, Value x, float leakyAlpha,
            Value preluAlpha) {
        var g = ctx.graph();
        return switch (activation.toLowerCase(java.util.Locale.ROOT)) {
            case "relu" -> g.node("Relu", List.of(x), x.shape());
            case "relu6" -> ctx.ops().relu6(x);
            case "elu" -> g.node("Elu", List.of(x), x.shape(), Attrs.floatValue("alpha", 1f));
            case "leakyrelu" -> g.node("LeakyRelu", List.of(x), x.shape(), Attrs.floatValue("alpha", leakyAlpha));
            case "sigmoid" -> g.node("Sigmoid", List.of(x), x.shape());
            case "tanh" -> g.node("Tanh", List.of(x), x.shape());
            case "prelu" -> g.node("PRelu", List.of(x, preluAlpha), x.shape());
            case "swish" -> g.node("Mul", List.of(x, g.node("Sigmoid", List.of(x), x.shape())), x.shape());
            default -> throw ConversionException.at(node, "unsupported fused activation " + activation);
        };
    }
}

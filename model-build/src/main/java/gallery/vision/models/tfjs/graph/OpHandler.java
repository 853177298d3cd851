package gallery.vision.models.tfjs.graph;

/**
 * Converts one TensorFlow op (or op family) to ONNX: reads the node's inputs from the context, adds ONNX nodes or
 * folds constants, and defines every output the node has. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface OpHandler {

    void convert(TfNode node, ConversionContext ctx);
}

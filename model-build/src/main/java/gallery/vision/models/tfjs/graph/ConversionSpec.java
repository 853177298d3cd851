package gallery.vision.models.tfjs.graph;

import java.util.List;

/**
 * Which part of a graph to convert. Inputs and outputs are TensorFlow tensor names ({@code node} or
 * {@code node:index}). Naming an inner tensor as an input cuts off everything before it (e.g. in-graph
 * pre-processing); naming inner outputs cuts off everything after them (e.g. in-graph post-processing).
 *
 * @param inputs  graph inputs; empty: every {@code Placeholder} the outputs depend on, with its declared shape
 * @param outputs graph outputs, in this order; empty: every node no other node consumes
 */
public record ConversionSpec(List<Input> inputs, List<String> outputs) {

    public ConversionSpec {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The whole graph, as declared. */
    public static ConversionSpec whole() {
        return new ConversionSpec(List.of(), List.of());
    }

    /**
     * One float32 input.
     *
     * @param tensor TensorFlow tensor name
     * @param shape  its shape in TensorFlow layout ({@code -1} for a dynamic dimension); null: the Placeholder's
     *               declared shape (required for inner tensors)
     */
    public record Input(String tensor, long[] shape) {
    }
}

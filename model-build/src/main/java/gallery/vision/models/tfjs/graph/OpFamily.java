package gallery.vision.models.tfjs.graph;

/**
 * A group of related op handlers (e.g. convolutions) that registers itself for the TensorFlow op names it converts,
 * as tf2onnx's handlers do. Implementations are stateless and thread-safe.
 */
public interface OpFamily {

    void register(OpRegistry.Builder registry);
}

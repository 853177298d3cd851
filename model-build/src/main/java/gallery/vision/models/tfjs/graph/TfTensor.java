package gallery.vision.models.tfjs.graph;

import gallery.vision.models.onnx.Value;

/**
 * What a TensorFlow tensor became during conversion: a value known at conversion time ({@link Constant}, folded
 * and only written to the ONNX graph where a runtime node needs it) or a float32 value computed by the ONNX graph
 * ({@link Runtime}), in TensorFlow's own layout (NHWC stays NHWC).
 */
public sealed interface TfTensor permits Constant, TfTensor.Runtime {

    long[] shape();

    default int rank() {
        return shape().length;
    }

    /** A float32 ONNX graph value. */
    record Runtime(Value value) implements TfTensor {
        @Override
        public long[] shape() {
            return value.shape();
        }
    }
}

package gallery.vision.worker.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Moving float data in and out of named ONNX tensors. Stateless and thread-safe. */
public final class Tensors {

    private Tensors() {
    }

    /** A float32 tensor named after the graph input it feeds. */
    public static NDList input(NDManager manager, String name, float[] data, long... shape) {
        NDArray array = manager.create(data, new Shape(shape));
        array.setName(name);
        return new NDList(array);
    }

    /** The values of the named output, row-major. */
    public static float[] output(NDList outputs, String name) {
        NDArray array = outputs.get(name);
        if (array == null) {
            throw new IllegalStateException("the model has no output named " + name);
        }
        return array.toFloatArray();
    }

    /** Row {@code row} of a row-major matrix with {@code columns} columns. */
    public static float[] row(float[] matrix, int row, int columns) {
        float[] out = new float[columns];
        System.arraycopy(matrix, row * columns, out, 0, columns);
        return out;
    }
}

package gallery.vision.worker.djl;

import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Moving float data in and out of named ONNX tensors. Stateless and thread-safe. */
public final class Tensors {

    private Tensors() {
    }

    /**
     * A float buffer ONNX Runtime reads in place: direct, in native byte order, {@code count} floats. Filling it and
     * handing it to {@link #input(NDManager, String, FloatBuffer, long...)} costs no copy of the values.
     */
    public static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * A float32 tensor over {@code data} without copying it when it is a {@link #directFloats direct} buffer (a heap
     * buffer is copied once by ONNX Runtime). Absolute positions: {@code data} is read from 0 to its limit.
     */
    public static NDList input(NDManager manager, String name, FloatBuffer data, long... shape) {
        NDArray array = manager.create(data.rewind(), new Shape(shape), DataType.FLOAT32);
        array.setName(name);
        return new NDList(array);
    }

    /** A float32 tensor named after the graph input it feeds (the values are copied once). */
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

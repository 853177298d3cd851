package gallery.vision.models.onnx;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order: the unit in which weights move from a reader to a graph.
 * Immutable by convention: the array is not copied, callers must not change it after construction.
 *
 * @param shape dimensions, all known (no dynamic dimension)
 * @param data  {@code product(shape)} values, row-major
 */
public record FloatTensor(long[] shape, float[] data) {

    public FloatTensor {
        if (elementCount(shape) != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + elementCount(shape) + " values, got " + data.length);
        }
    }

    public static FloatTensor of(float[] data, long... shape) {
        return new FloatTensor(shape, data);
    }

    public static FloatTensor scalar(float value) {
        return new FloatTensor(new long[0], new float[] {value});
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return Math.toIntExact(shape[axis]);
    }

    /** The same values viewed with another shape of the same element count. */
    public FloatTensor reshape(long... newShape) {
        return new FloatTensor(newShape, data);
    }

    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dynamic dimension in a constant tensor: " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}

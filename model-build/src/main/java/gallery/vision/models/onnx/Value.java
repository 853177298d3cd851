package gallery.vision.models.onnx;

import java.util.Arrays;

/**
 * A named value in a graph under construction (graph input, initializer or node output) with its shape as far as
 * it is known statically. A dimension of {@link #DYNAMIC} is only known at run time (e.g. the batch size).
 *
 * @param name  unique name in the graph
 * @param shape dimensions; {@code DYNAMIC} for unknown ones
 */
public record Value(String name, long[] shape) {

    public static final long DYNAMIC = -1;

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}

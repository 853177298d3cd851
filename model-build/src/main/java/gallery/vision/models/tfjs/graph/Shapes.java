package gallery.vision.models.tfjs.graph;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.Value;
import java.util.Arrays;

/** Static shape arithmetic in TensorFlow's conventions; {@link Value#DYNAMIC} marks unknown dimensions. Stateless. */
public final class Shapes {

    private Shapes() {
    }

    /** Numpy/TensorFlow broadcasting of two shapes. */
    public static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1 && da != Value.DYNAMIC && db != Value.DYNAMIC) {
                throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For each element of {@code out}, the row-major index of the element of {@code in} it broadcasts from. */
    static int[] broadcastIndex(long[] in, long[] out) {
        int n = Math.toIntExact(FloatTensor.elementCount(out));
        int[] idx = new int[n];
        int offset = out.length - in.length;
        for (int flat = 0; flat < n; flat++) {
            int rem = flat, src = 0, stride = 1;
            for (int d = out.length - 1; d >= 0; d--) {
                int coord = (int) (rem % out[d]);
                rem /= out[d];
                int di = d - offset;
                if (di >= 0) {
                    src += (in[di] == 1 ? 0 : coord) * stride;
                    stride *= in[di];
                }
            }
            idx[flat] = src;
        }
        return idx;
    }

    /** A negative axis counts from the end. */
    public static int axis(long axis, int rank) {
        int a = (int) (axis < 0 ? axis + rank : axis);
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
        }
        return a;
    }

    public static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d == Value.DYNAMIC) {
                return Value.DYNAMIC;
            }
            n *= d;
        }
        return n;
    }

    /**
     * TensorFlow Reshape's target shape with its one {@code -1} resolved where the input size is known; dimensions
     * stay dynamic otherwise.
     */
    public static long[] reshape(long[] in, long[] spec) {
        long[] out = spec.clone();
        long known = product(in);
        int infer = -1;
        long rest = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                infer = i;
            } else {
                rest *= out[i];
            }
        }
        if (infer >= 0 && known != Value.DYNAMIC) {
            out[infer] = known / rest;
        }
        return out;
    }
}

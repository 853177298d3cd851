package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.tfjs.graph.Constant;
import java.util.List;

/** Layout operations evaluated on constants at conversion time (constant folding). Stateless. */
final class Folding {

    private Folding() {
    }

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    static Constant transpose(Constant c, int[] perm) {
        long[] in = c.shape();
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in[perm[i]];
        }
        long[] inStrides = strides(in);
        double[] v = new double[c.values().length];
        long[] coord = new long[out.length];
        for (int flat = 0; flat < v.length; flat++) {
            long rem = flat, src = 0;
            for (int d = out.length - 1; d >= 0; d--) {
                coord[d] = rem % out[d];
                rem /= out[d];
                src += coord[d] * inStrides[perm[d]];
            }
            v[flat] = c.values()[(int) src];
        }
        return new Constant(c.dtype(), out, v);
    }

    /** Selects {@code indices[d]} along every axis {@code d} (a strided slice with resolved indices). */
    static Constant gather(Constant c, long[][] indices) {
        long[] out = new long[indices.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = indices[d].length;
        }
        long[] inStrides = strides(c.shape());
        double[] v = new double[Math.toIntExact(FloatTensor.elementCount(out))];
        for (int flat = 0; flat < v.length; flat++) {
            long rem = flat, src = 0;
            for (int d = out.length - 1; d >= 0; d--) {
                src += indices[d][(int) (rem % out[d])] * inStrides[d];
                rem /= out[d];
            }
            v[flat] = c.values()[(int) src];
        }
        return new Constant(c.dtype(), out, v);
    }

    static Constant concat(List<Constant> parts, int axis) {
        long[] out = parts.get(0).shape().clone();
        out[axis] = 0;
        for (Constant p : parts) {
            out[axis] += p.shape()[axis];
        }
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= out[d];
        }
        double[] v = new double[Math.toIntExact(FloatTensor.elementCount(out))];
        int pos = 0;
        for (long o = 0; o < outer; o++) {
            for (Constant p : parts) {
                int block = (int) (p.values().length / outer);
                System.arraycopy(p.values(), (int) (o * block), v, pos, block);
                pos += block;
            }
        }
        return new Constant(parts.get(0).dtype(), out, v);
    }
}

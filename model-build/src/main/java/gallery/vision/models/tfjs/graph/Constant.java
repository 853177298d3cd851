package gallery.vision.models.tfjs.graph;

import gallery.vision.models.onnx.FloatTensor;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A tensor known at conversion time (a weight, or the folded result of ops on weights): TensorFlow dtype, shape
 * and values in row-major order. Values are held as doubles, exact for float32 and for the int32/int64 values of
 * shapes and indices. Immutable by convention (arrays are not copied).
 *
 * @param dtype  TensorFlow dtype ({@code DT_FLOAT}, {@code DT_INT32}, {@code DT_INT64}, {@code DT_BOOL})
 * @param shape  dimensions
 * @param values {@code product(shape)} values
 */
public record Constant(String dtype, long[] shape, double[] values) implements TfTensor {

    public static final String FLOAT = "DT_FLOAT";
    public static final String INT32 = "DT_INT32";

    public Constant {
        if (FloatTensor.elementCount(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                    + FloatTensor.elementCount(shape) + " values, got " + values.length);
        }
    }

    public static Constant ints(long[] shape, long... values) {
        return new Constant(INT32, shape, Arrays.stream(values).asDoubleStream().toArray());
    }

    public static Constant vector(long... values) {
        return ints(new long[] {values.length}, values);
    }

    public boolean isFloat() {
        return FLOAT.equals(dtype) || "DT_HALF".equals(dtype);
    }

    public long[] longs() {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) values[i];
        }
        return out;
    }

    public long scalarLong() {
        if (values.length != 1) {
            throw new IllegalArgumentException("expected a scalar, got shape " + Arrays.toString(shape));
        }
        return (long) values[0];
    }

    public FloatTensor toFloatTensor() {
        float[] data = new float[values.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) values[i];
        }
        return new FloatTensor(shape, data);
    }

    /** Same values, another shape. */
    public Constant reshape(long... newShape) {
        return new Constant(dtype, newShape, values);
    }

    /** Element-wise {@code f}, rounded to this dtype. */
    public Constant map(DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return new Constant(dtype, shape, round(dtype, out));
    }

    /** Element-wise {@code f(a, b)} with numpy broadcasting, rounded to {@code a}'s dtype. */
    public static Constant broadcast(Constant a, Constant b, DoubleBinaryOperator f) {
        long[] shape = Shapes.broadcast(a.shape, b.shape);
        double[] out = new double[Math.toIntExact(FloatTensor.elementCount(shape))];
        int[] ia = Shapes.broadcastIndex(a.shape, shape);
        int[] ib = Shapes.broadcastIndex(b.shape, shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(a.values[ia[i]], b.values[ib[i]]);
        }
        return new Constant(a.dtype, shape, round(a.dtype, out));
    }

    /** The same values as another dtype (TensorFlow's Cast: floats to ints truncate toward zero). */
    public Constant cast(String toDtype) {
        return new Constant(toDtype, shape, round(toDtype, values.clone()));
    }

    private static double[] round(String dtype, double[] v) {
        for (int i = 0; i < v.length; i++) {
            switch (dtype) {
                case FLOAT -> v[i] = (float) v[i];
                case "DT_BOOL" -> v[i] = v[i] != 0 ? 1 : 0;
                default -> v[i] = v[i] < 0 ? Math.ceil(v[i]) : Math.floor(v[i]);
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return "Constant " + dtype + Arrays.toString(shape);
    }
}

package gallery.vision.models.tf;

import gallery.vision.models.onnx.FloatTensor;

/**
 * Weight transforms between TensorFlow and ONNX layouts, and folding of per-channel affine layers (batch norm,
 * scale layers) into the preceding convolution. Folding is computed in double precision and rounded once.
 * Stateless, thread-safe.
 */
public final class Filters {

    private Filters() {
    }

    /** Convolution filter: TensorFlow HWIO {@code [kh, kw, in, out]} to ONNX OIHW {@code [out, in, kh, kw]}. */
    public static FloatTensor hwioToOihw(FloatTensor hwio) {
        int kh = hwio.dim(0), kw = hwio.dim(1), ci = hwio.dim(2), co = hwio.dim(3);
        float[] src = hwio.data();
        float[] dst = new float[src.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        dst[((o * ci + i) * kh + h) * kw + w] = src[((h * kw + w) * ci + i) * co + o];
                    }
                }
            }
        }
        return FloatTensor.of(dst, co, ci, kh, kw);
    }

    /**
     * Depthwise filter: TensorFlow {@code [kh, kw, channels, multiplier]} to the ONNX grouped-convolution weight
     * {@code [channels * multiplier, 1, kh, kw]} (output channel {@code c * multiplier + m}, as TensorFlow orders them).
     */
    public static FloatTensor depthwiseToOihw(FloatTensor hwcm) {
        int kh = hwcm.dim(0), kw = hwcm.dim(1), c = hwcm.dim(2), m = hwcm.dim(3);
        float[] src = hwcm.data();
        float[] dst = new float[src.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int j = 0; j < m; j++) {
                        dst[((ch * m + j) * kh + h) * kw + w] = src[((h * kw + w) * c + ch) * m + j];
                    }
                }
            }
        }
        return FloatTensor.of(dst, (long) c * m, 1, kh, kw);
    }

    /**
     * A convolution in ONNX layout (OIHW weight + bias) followed by {@code y = x * scale[o] + shift[o]} per output
     * channel, folded into one convolution: {@code W' = W * scale}, {@code b' = b * scale + shift}.
     */
    public record Folded(FloatTensor weight, FloatTensor bias) {
    }

    public static Folded foldAffine(FloatTensor oihw, float[] bias, double[] scale, double[] shift) {
        int co = oihw.dim(0);
        int perOut = oihw.data().length / co;
        float[] w = new float[oihw.data().length];
        float[] b = new float[co];
        for (int o = 0; o < co; o++) {
            for (int k = 0; k < perOut; k++) {
                w[o * perOut + k] = (float) (oihw.data()[o * perOut + k] * scale[o]);
            }
            double b0 = bias == null ? 0 : bias[o];
            b[o] = (float) (b0 * scale[o] + shift[o]);
        }
        return new Folded(new FloatTensor(oihw.shape(), w), FloatTensor.of(b, co));
    }

    /**
     * Batch normalisation {@code (x - mean) / sqrt(variance + epsilon) * gamma + beta} as per-channel scale and
     * shift for {@link #foldAffine}.
     */
    public static double[][] batchNormScaleShift(float[] gamma, float[] beta, float[] mean, float[] variance,
            double epsilon) {
        int n = gamma.length;
        double[] scale = new double[n];
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = gamma[i] / Math.sqrt(variance[i] + epsilon);
            shift[i] = beta[i] - mean[i] * scale[i];
        }
        return new double[][] {scale, shift};
    }
}

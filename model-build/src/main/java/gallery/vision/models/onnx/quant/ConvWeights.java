package gallery.vision.models.onnx.quant;

/**
 * Symmetric per-output-channel int8 quantisation of a convolution's weights ({@code [O, I/group, kh, kw]}, axis 0)
 * and the int32 quantisation of its bias at scale {@code inputScale * weightScale[o]}, zero points 0: the form ONNX
 * Runtime's {@code QLinearConv} takes. Pure functions, thread-safe.
 */
public final class ConvWeights {

    /** Largest int8 code used: weights map to -127..127, keeping the range symmetric. */
    static final int QMAX = 127;

    private ConvWeights() {
    }

    /**
     * Quantised weights.
     *
     * @param codes  int8 codes, same layout as the float weights
     * @param scales one scale per output channel
     */
    public record Quantized(byte[] codes, float[] scales) {
    }

    /** Quantises {@code weights} of {@code outputChannels} equally long rows. */
    public static Quantized quantize(float[] weights, int outputChannels) {
        if (outputChannels <= 0 || weights.length % outputChannels != 0) {
            throw new IllegalArgumentException(weights.length + " weights do not split into " + outputChannels
                    + " output channels");
        }
        int per = weights.length / outputChannels;
        byte[] codes = new byte[weights.length];
        float[] scales = new float[outputChannels];
        for (int o = 0; o < outputChannels; o++) {
            float maxAbs = 0f;
            for (int i = o * per; i < (o + 1) * per; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
            }
            float scale = maxAbs > 0f ? maxAbs / QMAX : 1f;
            scales[o] = scale;
            for (int i = o * per; i < (o + 1) * per; i++) {
                codes[i] = (byte) Math.max(-QMAX, Math.min(QMAX, Math.round(weights[i] / scale)));
            }
        }
        return new Quantized(codes, scales);
    }

    /** Bias codes at scale {@code inputScale * weightScales[o]}, and those scales. */
    public static int[] quantizeBias(float[] bias, float inputScale, float[] weightScales) {
        int[] codes = new int[bias.length];
        for (int o = 0; o < bias.length; o++) {
            double code = Math.rint(bias[o] / ((double) inputScale * weightScales[o]));
            codes[o] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, code));
        }
        return codes;
    }

    /** The scales of the bias codes of {@link #quantizeBias}. */
    public static float[] biasScales(float inputScale, float[] weightScales) {
        float[] scales = new float[weightScales.length];
        for (int o = 0; o < scales.length; o++) {
            scales[o] = inputScale * weightScales[o];
        }
        return scales;
    }
}

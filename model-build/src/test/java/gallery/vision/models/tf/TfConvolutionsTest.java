package gallery.vision.models.tf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.onnx.Value;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Runs single TensorFlow-style layers built with {@link TfConvolutions} on ONNX Runtime and compares them with a
 * direct NHWC implementation of TensorFlow's definitions (written here from the definitions, not from the builder).
 */
class TfConvolutionsTest {

    private static final int H = 7;
    private static final int W = 6;
    private static final int C = 3;
    private final Random random = new Random(42);

    @Test
    void conv2dSameStride2MatchesTensorFlowIncludingAsymmetricPadding() throws Exception {
        FloatTensor filter = randomTensor(3, 3, C, 4);
        FloatTensor bias = randomTensor(4);
        float[] input = randomTensor(1, H, W, C).data();

        float[] actual = run(input, (c, x) -> c.conv2d(x, filter, bias, 2, Padding.SAME));

        float[] expected = referenceConv(input, filter, bias, 2, Padding.SAME, false);
        assertClose(actual, expected);
    }

    @Test
    void depthwiseConv2dWithMultiplierMatchesTensorFlowChannelOrder() throws Exception {
        FloatTensor filter = randomTensor(3, 3, C, 2);
        float[] input = randomTensor(1, H, W, C).data();

        float[] actual = run(input, (c, x) -> c.depthwiseConv2d(x, filter, null, 2, Padding.SAME));

        assertClose(actual, referenceConv(input, filter, null, 2, Padding.SAME, true));
    }

    @Test
    void conv2dValidMatchesTensorFlow() throws Exception {
        FloatTensor filter = randomTensor(3, 3, C, 2);
        float[] input = randomTensor(1, H, W, C).data();

        float[] actual = run(input, (c, x) -> c.conv2d(x, filter, null, 2, Padding.VALID));

        assertClose(actual, referenceConv(input, filter, null, 2, Padding.VALID, false));
    }

    @Test
    void maxPoolSameIgnoresPaddedCells() throws Exception {
        float[] input = new float[H * W * C];
        java.util.Arrays.fill(input, -5f);

        float[] actual = run(input, (c, x) -> c.maxPool(x, 3, 2, Padding.SAME));

        for (float v : actual) {
            assertThat(v).isEqualTo(-5f);
        }
    }

    private interface Layer {
        Value apply(TfConvolutions conv, Value nchw);
    }

    /** Builds input(NHWC) -> NCHW -> layer -> NHWC, runs it, returns the NHWC output. */
    private static float[] run(float[] input, Layer layer) throws Exception {
        GraphBuilder g = new GraphBuilder("test");
        TfOps ops = new TfOps(g);
        Value x = g.input("input", 1, H, W, C);
        g.output("out", ops.nchwToNhwc(layer.apply(new TfConvolutions(g), ops.nhwcToNchw(x))));
        byte[] model = g.build(new ModelInfo("test", "0", "", Map.of())).toByteArray();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, H, W, C});
             OrtSession.Result r = s.run(Map.of("input", t))) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        }
    }

    /** TensorFlow conv2d / depthwise_conv2d on NHWC input with HWIO / HWCM filters, straight from the definition. */
    private static float[] referenceConv(float[] in, FloatTensor filter, FloatTensor bias, int stride, Padding padding,
            boolean depthwise) {
        int kh = filter.dim(0), kw = filter.dim(1), k3 = filter.dim(3);
        int outC = depthwise ? C * k3 : k3;
        int outH, outW, padTop, padLeft;
        if (padding == Padding.SAME) {
            outH = (H + stride - 1) / stride;
            outW = (W + stride - 1) / stride;
            padTop = Math.max((outH - 1) * stride + kh - H, 0) / 2;
            padLeft = Math.max((outW - 1) * stride + kw - W, 0) / 2;
        } else {
            outH = (H - kh) / stride + 1;
            outW = (W - kw) / stride + 1;
            padTop = 0;
            padLeft = 0;
        }
        float[] out = new float[outH * outW * outC];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int oc = 0; oc < outC; oc++) {
                    double sum = bias == null ? 0 : bias.data()[oc];
                    for (int dy = 0; dy < kh; dy++) {
                        for (int dx = 0; dx < kw; dx++) {
                            int iy = oy * stride + dy - padTop, ix = ox * stride + dx - padLeft;
                            if (iy < 0 || iy >= H || ix < 0 || ix >= W) {
                                continue;
                            }
                            if (depthwise) {
                                int ic = oc / k3, m = oc % k3;
                                sum += in[(iy * W + ix) * C + ic] * filter.data()[((dy * kw + dx) * C + ic) * k3 + m];
                            } else {
                                for (int ic = 0; ic < C; ic++) {
                                    sum += in[(iy * W + ix) * C + ic] * filter.data()[((dy * kw + dx) * C + ic) * k3 + oc];
                                }
                            }
                        }
                    }
                    out[(oy * outW + ox) * outC + oc] = (float) sum;
                }
            }
        }
        return out;
    }

    private FloatTensor randomTensor(long... shape) {
        float[] v = new float[(int) FloatTensor.elementCount(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return new FloatTensor(shape, v);
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element " + i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }
}

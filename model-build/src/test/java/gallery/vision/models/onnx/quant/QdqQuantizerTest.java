package gallery.vision.models.onnx.quant;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.proto.NodeProto;
import gallery.vision.models.onnx.proto.TensorProto;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QdqQuantizerTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final long[] INPUT = {1, 3, 16, 16};

    @Test
    void perChannelWeightsRoundTripWithinHalfAStepOfTheirChannel() {
        float[] w = {0.5f, -1f, 0.25f, 0.001f, 0.002f, -0.004f};
        ConvWeights.Quantized q = ConvWeights.quantize(w, 2);

        assertThat(q.scales()).containsExactly(1f / 127, 0.004f / 127);
        assertThat(q.codes()).containsExactly(64, -127, 32, 32, 64, -127);
        for (int i = 0; i < w.length; i++) {
            float scale = q.scales()[i / 3];
            assertThat(q.codes()[i] * scale).isCloseTo(w[i], within(scale / 2));
        }
    }

    @Test
    void biasIsCodedAtInputScaleTimesWeightScale() {
        int[] codes = ConvWeights.quantizeBias(new float[] {0.3f, -0.3f}, 0.01f, new float[] {0.5f, 0.1f});

        assertThat(codes).containsExactly(60, -300);
    }

    @Test
    void activationRangeKeepsZeroExact() {
        ActivationRange relu = new ActivationRange(0.5f, 6f);
        ActivationRange signed = new ActivationRange(-1f, 3f);

        assertThat(relu.zeroPoint()).isZero();
        assertThat(relu.scale()).isEqualTo(6f / 255);
        assertThat(signed.zeroPoint()).isEqualTo(64);
        assertThat(signed.scale() * (0 - signed.zeroPoint())).isCloseTo(-1f, within(signed.scale()));
        assertThat(new ActivationRange(0f, 0f).degenerate()).isTrue();
    }

    @Test
    void quantisedGraphHasInt8WeightsAndQdqPairsAndStaysCloseToFloat() throws Exception {
        ModelProto model = twoConvolutions();
        float[] input = random(3 * 16 * 16, 2);

        ModelProto quantized = calibrateAndQuantize(model, input);

        List<String> ops = quantized.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertThat(ops).contains("QuantizeLinear", "DequantizeLinear", "Conv", "Relu");
        assertThat(quantized.getGraph().getInitializerList()).extracting(TensorProto::getDataType)
                .contains(TensorProto.DataType.INT8_VALUE, TensorProto.DataType.INT32_VALUE);
        assertThat(quantized.getGraph().getInitializerList()).extracting(TensorProto::getName).doesNotHaveDuplicates();
        assertThat(quantized.getGraph().getInitializerList())
                .noneMatch(t -> t.getDimsCount() == 4 && t.getDataType() == TensorProto.DataType.FLOAT_VALUE);
        float[] expected = run(model, input);
        float[] actual = run(quantized, input);
        float maxAbs = 0;
        for (float v : expected) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], within(0.03f * maxAbs));
        }
    }

    @Test
    void onnxRuntimeFusesEveryQuantisedConvolutionIntoQLinearConv(@TempDir Path dir) throws Exception {
        ModelProto quantized = calibrateAndQuantize(twoConvolutions(), random(3 * 16 * 16, 2));
        Path optimised = dir.resolve("optimised.onnx");
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            o.setOptimizedModelFilePath(optimised.toString());
            ENV.createSession(quantized.toByteArray(), o).close();
        }
        List<String> ops;
        try (InputStream in = Files.newInputStream(optimised)) {
            ops = ModelProto.parseFrom(in).getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        }

        assertThat(ops).filteredOn("QLinearConv"::equals).hasSize(2);
        assertThat(ops).doesNotContain("Conv", "Relu");
    }

    @Test
    void tensorsWithoutARangeStayFloat() {
        ModelProto model = twoConvolutions();

        ModelProto unchanged = QdqQuantizer.quantize(model, Map.of());

        assertThat(unchanged).isEqualTo(model);
    }

    /** input (NCHW) -> conv 3x3 (3->4, bias) -> relu -> depthwise conv 3x3 (bias) -> output. */
    private static ModelProto twoConvolutions() {
        GraphBuilder g = new GraphBuilder("two-convs");
        Value x = g.input("input", INPUT);
        Value w1 = g.constant("w1", FloatTensor.of(random(4 * 3 * 3 * 3, 1f), 4, 3, 3, 3));
        Value b1 = g.constant("b1", FloatTensor.of(random(4, 0.5f), 4));
        Value c1 = g.node("Conv", List.of(x, w1, b1), new long[] {1, 4, 16, 16}, Attrs.ints("pads", 1, 1, 1, 1));
        Value r = g.node("Relu", List.of(c1), c1.shape());
        Value w2 = g.constant("w2", FloatTensor.of(random(4 * 3 * 3, 1f), 4, 1, 3, 3));
        Value b2 = g.constant("b2", FloatTensor.of(random(4, 0.5f), 4));
        Value c2 = g.node("Conv", List.of(r, w2, b2), new long[] {1, 4, 16, 16}, Attrs.ints("pads", 1, 1, 1, 1),
                Attrs.intValue("group", 4));
        g.output("output", c2);
        return g.build(new ModelInfo("test", "1", "two convolutions", Map.of()));
    }

    private static ModelProto calibrateAndQuantize(ModelProto model, float[] input) throws Exception {
        try (ActivationCalibrator c = new ActivationCalibrator(model, QdqQuantizer.candidates(model))) {
            c.observe(input, INPUT);
            c.observe(random(input.length, 1), INPUT);
            return QdqQuantizer.quantize(model, c.ranges());
        }
    }

    private static float[] run(ModelProto model, float[] input) throws Exception {
        try (OrtSession s = ENV.createSession(model.toByteArray(), new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), INPUT);
             OrtSession.Result r = s.run(Map.of("input", t))) {
            FloatBuffer b = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        }
    }

    private static float[] random(int n, float amplitude) {
        Random random = new Random(n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextFloat() * 2 - 1) * amplitude;
        }
        return v;
    }
}

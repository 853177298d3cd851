package gallery.vision.models.onnx.quant;

import com.google.protobuf.ByteString;
import gallery.vision.models.onnx.proto.AttributeProto;
import gallery.vision.models.onnx.proto.GraphProto;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.proto.NodeProto;
import gallery.vision.models.onnx.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static int8 quantisation of an ONNX graph in the QDQ form: every activation tensor that is a convolution's input or
 * the output of a layer ONNX Runtime runs quantised ({@link #QUANTIZED_PRODUCERS}) and has a calibrated range gets a
 * {@code QuantizeLinear -> DequantizeLinear} pair (uint8, per tensor); the weights of each such convolution become
 * int8 per output channel and its bias int32, each behind a {@code DequantizeLinear}. ONNX Runtime's CPU provider fuses
 * {@code DQ -> Conv -> Q} into {@code QLinearConv} (depthwise included), {@code DQ -> Add -> Q} into {@code QLinearAdd}
 * and so on; whatever it does not fuse runs in float32 on the dequantised values, so the graph stays correct.
 * <p>A convolution's output whose only consumer is a {@code Relu} or {@code Clip} is not quantised itself: the
 * activation's output is, and ONNX Runtime drops the activation when the quantised range already clips to it. Graph
 * outputs stay float32. Stateless, thread-safe.
 */
public final class QdqQuantizer {

    /** Layers whose float output is quantised (when calibrated). */
    public static final Set<String> QUANTIZED_PRODUCERS =
            Set.of("Conv", "Relu", "Clip", "Add", "MaxPool", "AveragePool", "Concat");

    private QdqQuantizer() {
    }

    /** The tensors {@link #quantize} would quantise given ranges for all: the ones to calibrate. */
    public static Set<String> candidates(ModelProto model) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> init = initializers(g);
        Map<String, List<NodeProto>> consumers = consumers(g);
        Set<String> outputs = new LinkedHashSet<>();
        g.getOutputList().forEach(o -> outputs.add(o.getName()));
        Set<String> tensors = new LinkedHashSet<>();
        for (NodeProto n : g.getNodeList()) {
            if (isQuantizableConv(n, init)) {
                tensors.add(n.getInput(0));
            }
            if (QUANTIZED_PRODUCERS.contains(n.getOpType())) {
                for (String out : n.getOutputList()) {
                    if (!outputs.contains(out) && !feedsOnlyActivation(n, out, consumers)) {
                        tensors.add(out);
                    }
                }
            }
        }
        tensors.removeAll(outputs);
        return tensors;
    }

    /** The quantised model; tensors without a (non-degenerate) range in {@code ranges} stay float32. */
    public static ModelProto quantize(ModelProto model, Map<String, ActivationRange> ranges) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> init = initializers(g);
        Map<String, ActivationRange> quantized = new HashMap<>();
        for (String t : candidates(model)) {
            ActivationRange r = ranges.get(t);
            if (r != null && !r.degenerate()) {
                quantized.put(t, r);
            }
        }
        GraphProto.Builder out = g.toBuilder().clearNode();
        Map<String, String> renamed = new HashMap<>();
        Set<String> replacedInitializers = new LinkedHashSet<>();
        for (var input : g.getInputList()) {
            addQdq(out, input.getName(), quantized, renamed);
        }
        for (NodeProto n : g.getNodeList()) {
            NodeProto.Builder node = n.toBuilder();
            for (int i = 0; i < node.getInputCount(); i++) {
                node.setInput(i, renamed.getOrDefault(node.getInput(i), node.getInput(i)));
            }
            ActivationRange in = quantized.get(n.getInputCount() > 0 ? n.getInput(0) : "");
            if (isQuantizableConv(n, init) && in != null) {
                quantizeConvParameters(out, node, init, in.scale(), replacedInitializers);
            }
            out.addNode(node);
            for (String o : n.getOutputList()) {
                addQdq(out, o, quantized, renamed);
            }
        }
        List<TensorProto> kept = new ArrayList<>();
        for (TensorProto t : out.getInitializerList()) {
            if (!replacedInitializers.contains(t.getName()) || stillUsed(out, t.getName())) {
                kept.add(t);
            }
        }
        out.clearInitializer().addAllInitializer(kept);
        return model.toBuilder().setGraph(out).build();
    }

    private static void addQdq(GraphProto.Builder g, String tensor, Map<String, ActivationRange> quantized,
            Map<String, String> renamed) {
        ActivationRange r = quantized.get(tensor);
        if (r == null) {
            return;
        }
        String scale = tensor + "_qscale", zero = tensor + "_qzero", q = tensor + "_q", dq = tensor + "_dq";
        g.addInitializer(floats(scale, new long[0], new float[] {r.scale()}));
        g.addInitializer(bytes(zero, new long[0], TensorProto.DataType.UINT8_VALUE, new byte[] {(byte) r.zeroPoint()}));
        g.addNode(node("QuantizeLinear", List.of(tensor, scale, zero), q, null));
        g.addNode(node("DequantizeLinear", List.of(q, scale, zero), dq, null));
        renamed.put(tensor, dq);
    }

    private static void quantizeConvParameters(GraphProto.Builder g, NodeProto.Builder conv,
            Map<String, TensorProto> init, float inputScale, Set<String> replaced) {
        TensorProto w = init.get(conv.getInput(1));
        int outChannels = Math.toIntExact(w.getDims(0));
        ConvWeights.Quantized qw = ConvWeights.quantize(floatValues(w), outChannels);
        String wName = w.getName();
        if (replaced.add(wName)) { // a weight shared by several convolutions is stored once
            g.addInitializer(bytes(wName + "_int8", w.getDimsList().stream().mapToLong(Long::longValue).toArray(),
                    TensorProto.DataType.INT8_VALUE, qw.codes()));
            g.addInitializer(floats(wName + "_wscale", new long[] {outChannels}, qw.scales()));
            g.addInitializer(bytes(wName + "_wzero", new long[] {outChannels}, TensorProto.DataType.INT8_VALUE,
                    new byte[outChannels]));
        }
        String wDq = wName + "_int8_dq_" + conv.getName();
        g.addNode(node("DequantizeLinear", List.of(wName + "_int8", wName + "_wscale", wName + "_wzero"), wDq, 0L));
        conv.setInput(1, wDq);
        if (conv.getInputCount() > 2 && init.containsKey(conv.getInput(2))) {
            TensorProto b = init.get(conv.getInput(2));
            String bName = b.getName() + "_int32_" + conv.getName();
            int[] codes = ConvWeights.quantizeBias(floatValues(b), inputScale, qw.scales());
            ByteBuffer raw = ByteBuffer.allocate(codes.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            raw.asIntBuffer().put(codes);
            g.addInitializer(bytes(bName, new long[] {codes.length}, TensorProto.DataType.INT32_VALUE, raw.array()));
            g.addInitializer(floats(bName + "_scale", new long[] {codes.length},
                    ConvWeights.biasScales(inputScale, qw.scales())));
            g.addInitializer(bytes(bName + "_zero", new long[] {codes.length}, TensorProto.DataType.INT32_VALUE,
                    new byte[codes.length * 4]));
            g.addNode(node("DequantizeLinear", List.of(bName, bName + "_scale", bName + "_zero"), bName + "_dq", 0L));
            replaced.add(b.getName());
            conv.setInput(2, bName + "_dq");
        }
    }

    static boolean isQuantizableConv(NodeProto n, Map<String, TensorProto> init) {
        if (!n.getOpType().equals("Conv") || n.getInputCount() < 2) {
            return false;
        }
        TensorProto w = init.get(n.getInput(1));
        return w != null && w.getDataType() == TensorProto.DataType.FLOAT_VALUE && w.getDimsCount() == 4
                && (n.getInputCount() < 3 || init.containsKey(n.getInput(2)));
    }

    private static boolean feedsOnlyActivation(NodeProto n, String out, Map<String, List<NodeProto>> consumers) {
        List<NodeProto> c = consumers.getOrDefault(out, List.of());
        return n.getOpType().equals("Conv") && c.size() == 1
                && (c.get(0).getOpType().equals("Relu") || c.get(0).getOpType().equals("Clip"));
    }

    private static boolean stillUsed(GraphProto.Builder g, String name) {
        return g.getNodeList().stream().anyMatch(n -> n.getInputList().contains(name));
    }

    static Map<String, TensorProto> initializers(GraphProto g) {
        Map<String, TensorProto> map = new HashMap<>();
        g.getInitializerList().forEach(t -> map.put(t.getName(), t));
        return map;
    }

    private static Map<String, List<NodeProto>> consumers(GraphProto g) {
        Map<String, List<NodeProto>> map = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                map.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
        return map;
    }

    /** The values of a float32 initializer ({@code raw_data} or {@code float_data}). */
    static float[] floatValues(TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            float[] v = new float[t.getRawData().size() / 4];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        }
        float[] v = new float[t.getFloatDataCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = t.getFloatData(i);
        }
        return v;
    }

    private static NodeProto node(String op, List<String> inputs, String output, Long axis) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(output + "_" + op)
                .addAllInput(inputs).addOutput(output);
        if (axis != null) {
            n.addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                    .setI(axis));
        }
        return n.build();
    }

    private static TensorProto floats(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return bytes(name, dims, TensorProto.DataType.FLOAT_VALUE, raw.array());
    }

    private static TensorProto bytes(String name, long[] dims, int dataType, byte[] raw) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}

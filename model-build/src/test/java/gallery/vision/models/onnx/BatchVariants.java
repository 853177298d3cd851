package gallery.vision.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import gallery.vision.models.onnx.proto.GraphProto;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.proto.NodeProto;
import gallery.vision.models.onnx.proto.TensorProto;
import gallery.vision.models.onnx.proto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Issue 9 item 6 (a plain main, not a test): would the bulk lane gain from running several images through one run of
 * a whole-image network? The shipped face detector, CenterNet and MobileNet v2 have a fixed batch dimension of 1. This
 * writes a variant of each with a dynamic first dimension {@code N} (the graph is otherwise unchanged: a
 * {@code Resize} to a constant output size {@code [1, h, w, c]} resizes by constant scales instead),
 * then checks, bit for bit, that each image's rows of a batch-{@code N} run of the variant equal a batch-1 run of the
 * shipped graph. The CPU per image at each batch size is then measured with api-ingress' {@code BatchTimes} on the
 * output directory. Run from the repository root after a build:
 * <pre>
 * java -cp "model-build/target/test-classes:model-build/target/classes:PROTOBUF_JAR:ONNXRUNTIME_JAR" \
 *     gallery.vision.models.onnx.BatchVariants model-build/target/model-files/gallery/vision/models OUT_DIR [N]
 * </pre>
 * (the two jars from {@code ~/.m2}: BENCHMARKS.md, "What moves the ratio", has the full command). Random pixel values
 * 0-255 (the networks normalise inside the graph); one intra-op thread, all graph optimisations, as the service runs
 * them.
 */
public final class BatchVariants {

    private static final String[][] NETWORKS = {
            {"faces/face-detector.onnx", "512"},
            {"tfjs/centernet-mobilenet-v3.onnx", "512"},
            {"tfjs/nsfw-mobilenet-v2-features.onnx", "224"}};

    private BatchVariants() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        for (String[] network : NETWORKS) {
            Path shipped = models.resolve(network[0]);
            Path variant = out.resolve(network[0]);
            Files.createDirectories(variant.getParent());
            Files.write(variant, dynamicBatch(ModelProto.parseFrom(Files.readAllBytes(shipped))).toByteArray());
            System.out.printf("%s: %s%n", network[0], compare(shipped, variant, Integer.parseInt(network[1]), batch));
        }
    }

    /** The model with a dynamic first dimension on its inputs and outputs. */
    static ModelProto dynamicBatch(ModelProto model) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (ValueInfoProto.Builder value : graph.getInputBuilderList()) {
            value.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).clear().setDimParam("N");
        }
        for (ValueInfoProto.Builder value : graph.getOutputBuilderList()) {
            value.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).clear().setDimParam("N");
        }
        graph.clearValueInfo();   // intermediate shapes recorded for batch 1
        Map<String, TensorProto> constants = new HashMap<>();
        graph.getInitializerList().forEach(tensor -> constants.put(tensor.getName(), tensor));
        List<NodeProto> nodes = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("Reshape") && longs(constants.get(node.getInput(1)))[0] > 0) {
                throw new IllegalArgumentException(node.getName() + " reshapes to a fixed batch");
            }
            if (node.getOpType().equals("Resize") && node.getInputCount() == 4) {
                // a constant output size [1, h, w, c] -> scales [1, 2, 2, 1]: the upsampling of CenterNet's feature
                // pyramid doubles h and w (a wrong factor would fail the bit-for-bit check below). Computing the size
                // from the input's batch at run time instead (Shape, Slice, Concat) keeps ONNX Runtime from
                // optimising the Resize as it does with a constant, and changes a quarter of CenterNet's outputs.
                long[] sizes = longs(constants.get(node.getInput(3)));
                if (sizes.length != 4 || sizes[0] != 1) {
                    throw new IllegalArgumentException(node.getName() + " resizes to " + Arrays.toString(sizes));
                }
                unused.add(node.getInput(3));
                String scales = node.getName() + "_scales";
                graph.addInitializer(floats(scales, 1, 2, 2, 1));
                node = node.toBuilder().clearInput().addInput(node.getInput(0)).addInput(node.getInput(1))
                        .addInput(scales).build();
            }
            nodes.add(node);
        }
        graph.clearNode().addAllNode(nodes);
        List<TensorProto> kept = graph.getInitializerList().stream().filter(t -> !unused.contains(t.getName())).toList();
        graph.clearInitializer().addAllInitializer(kept);
        return model.toBuilder().setGraph(graph).build();
    }

    private static TensorProto floats(String name, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(values.length).setRawData(com.google.protobuf.ByteString.copyFrom(bytes.array())).build();
    }

    private static long[] longs(TensorProto tensor) {
        if (tensor == null) {
            return new long[] {0};
        }
        if (tensor.getInt64DataCount() > 0) {
            return tensor.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        }
        ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[raw.remaining() / 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = raw.getLong();
        }
        return values;
    }

    /** Runs {@code batch} random images through the variant at once and one by one through the shipped graph. */
    private static String compare(Path shipped, Path variant, int side, int batch) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        int perImage = side * side * 3;
        float[] pixels = new float[perImage * batch];
        Random random = new Random(7);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            try (OrtSession single = environment.createSession(shipped.toString(), options);
                 OrtSession batched = environment.createSession(variant.toString(), options)) {
                List<float[]> all = run(environment, batched, pixels, new long[] {batch, side, side, 3});
                long values = 0;
                long differing = 0;
                for (int k = 0; k < batch; k++) {
                    float[] one = Arrays.copyOfRange(pixels, k * perImage, (k + 1) * perImage);
                    List<float[]> alone = run(environment, single, one, new long[] {1, side, side, 3});
                    for (int o = 0; o < alone.size(); o++) {
                        float[] expected = alone.get(o);
                        float[] rows = all.get(o);
                        for (int i = 0; i < expected.length; i++) {
                            values++;
                            if (Float.floatToRawIntBits(expected[i])
                                    != Float.floatToRawIntBits(rows[k * expected.length + i])) {
                                differing++;
                            }
                        }
                    }
                }
                return String.format("batch %d, %d of %d output values differ from the shipped graph's batch-1 runs",
                        batch, differing, values);
            }
        }
    }

    private static List<float[]> run(OrtEnvironment environment, OrtSession session, float[] pixels, long[] shape)
            throws Exception {
        String input = session.getInputNames().iterator().next();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            List<float[]> outputs = new ArrayList<>();
            for (Map.Entry<String, OnnxValue> output : result) {
                FloatBuffer buffer = ((OnnxTensor) output.getValue()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                outputs.add(values);
            }
            return outputs;
        }
    }
}

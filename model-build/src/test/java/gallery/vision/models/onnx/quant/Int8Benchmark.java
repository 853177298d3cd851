package gallery.vision.models.onnx.quant;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.proto.NodeProto;
import gallery.vision.models.testing.OnnxRunner;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Benchmark (a plain main, not a test): CPU time per inference of every model the build converted, float32 vs its
 * int8 variant, on ONNX Runtime with one intra-op thread (so the calling thread's CPU time, from ThreadMXBean, is the
 * whole inference) and all graph optimisations; also counts the operators of the optimised graph, showing what ONNX
 * Runtime fused the QDQ pairs into. Random inputs of the model's shape (the cost does not depend on the values).
 * Run from model-build after a build:
 * {@code mvn -q -o -pl model-build exec:java -Dexec.classpathScope=test -Dexec.mainClass=gallery.vision.models.onnx.quant.Int8Benchmark -Dexec.args="40"}
 * (argument: runs per model).
 */
public final class Int8Benchmark {

    private static final Map<String, long[]> SHAPES = Map.of(
            "face-detector", new long[] {1, 512, 512, 3},
            "face-landmarks", new long[] {1, 112, 112, 3},
            "face-expression", new long[] {1, 112, 112, 3},
            "face-age-gender", new long[] {1, 112, 112, 3},
            "face-recognition", new long[] {1, 150, 150, 3},
            "centernet-mobilenet-v3", new long[] {1, 512, 512, 3},
            "nsfw-mobilenet-v2-features", new long[] {1, 224, 224, 3});

    private Int8Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<ModelEntry> entries;
        try (InputStream in = Files.newInputStream(OnnxRunner.CONVERTED.resolve(ModelManifest.FILE_NAME))) {
            entries = ModelManifest.read(in);
        }
        System.out.printf("load before: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| model | fp32 CPU ms/run | int8 CPU ms/run | int8/fp32 | fp32 wall p50 | int8 wall p50 "
                + "| int8 optimised graph ops |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (ModelEntry fp32 : entries) {
            if (fp32.modelPrecision() != ModelPrecision.FP32 || !SHAPES.containsKey(fp32.name())) {
                continue;
            }
            ModelEntry int8 = entries.stream().filter(e -> e.name().equals(fp32.name())
                    && e.modelPrecision() == ModelPrecision.INT8).findFirst().orElse(null);
            if (int8 == null) {
                continue;
            }
            double[] a = measure(OnnxRunner.CONVERTED.resolve(fp32.file()), fp32.name(), runs, null);
            Path optimised = Files.createTempFile("int8-optimised", ".onnx");
            double[] b = measure(OnnxRunner.CONVERTED.resolve(int8.file()), fp32.name(), runs, optimised);
            System.out.printf("| %s | %.1f | %.1f | %.2f | %.1f | %.1f | %s |%n", fp32.name(), a[0], b[0], b[0] / a[0],
                    a[1], b[1], opCounts(optimised));
            Files.deleteIfExists(optimised);
        }
        System.out.printf("load after: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** {mean thread CPU ms, wall p50 ms}. */
    private static double[] measure(Path model, String name, int runs, Path optimisedOut) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] shape = SHAPES.get(name);
        float[] values = new float[(int) Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
        Random random = new Random(1);
        float top = name.startsWith("nsfw") ? 1f : 255f;
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * top;
        }
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (optimisedOut != null) {
                o.setOptimizedModelFilePath(optimisedOut.toString());
            }
            try (OrtSession s = env.createSession(model.toString(), o);
                 OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape)) {
                String input = s.getInputNames().iterator().next();
                for (int i = 0; i < 5; i++) {
                    s.run(Map.of(input, t)).close();
                }
                long[] wall = new long[runs];
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < runs; i++) {
                    long w = System.nanoTime();
                    s.run(Map.of(input, t)).close();
                    wall[i] = System.nanoTime() - w;
                }
                double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / runs;
                Arrays.sort(wall);
                return new double[] {cpu, wall[runs / 2] / 1e6};
            }
        }
    }

    private static String opCounts(Path optimised) throws Exception {
        ModelProto m;
        try (InputStream in = Files.newInputStream(optimised)) {
            m = ModelProto.parseFrom(in);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (NodeProto n : m.getGraph().getNodeList()) {
            counts.merge(n.getOpType(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        for (String op : List.of("QLinearConv", "Conv", "FusedConv", "QLinearAdd", "QuantizeLinear",
                "DequantizeLinear")) {
            if (counts.containsKey(op)) {
                sb.append(op).append(' ').append(counts.get(op)).append(", ");
            }
        }
        return sb.length() > 2 ? sb.substring(0, sb.length() - 2) : "";
    }
}

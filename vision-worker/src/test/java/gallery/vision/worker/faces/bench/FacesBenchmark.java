package gallery.vision.worker.faces.bench;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.faces.FaceAnalyzer;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.faces.FaceModelFiles;
import gallery.vision.worker.faces.FaceNetworks;
import gallery.vision.worker.faces.answer.FaceAnswer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A plain benchmark of the face pipeline (not a test): decodes each JPEG given, runs the analyzer a few times to warm
 * up, then times {@code runs} calls and prints p50 / p90 / min / max per image (decode once, analyze per run) and the
 * process' resident memory with all models loaded. Also prints the process CPU time per analysis (all threads,
 * native ones included), which a busy machine inflates far less than wall time. Run from the worktree root after {@code mvn -DskipTests package}:
 * <pre>
 * java -cp "vision-worker/target/test-classes:vision-worker/target/classes:$(cat /tmp/cp.txt)" \
 *   gallery.vision.worker.faces.bench.FacesBenchmark MODEL_DIR RUNS image.jpg...
 * </pre>
 * (the class path from {@code mvn -pl vision-worker dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}).
 * {@code ONNX_INTRA_OP_THREADS}, {@code ONNX_THREAD_SPINNING}, {@code ONNX_CPU_ARENA}, {@code ONNX_MEMORY_PATTERN} as for
 * the worker.
 */
public final class FacesBenchmark {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private FacesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        var env = System.getenv();
        OnnxRuntimeProperties onnx = new OnnxRuntimeProperties(
                Integer.parseInt(env.getOrDefault("ONNX_INTRA_OP_THREADS", "2")),
                Boolean.parseBoolean(env.getOrDefault("ONNX_THREAD_SPINNING", "false")),
                Boolean.parseBoolean(env.getOrDefault("ONNX_CPU_ARENA", "true")),
                Boolean.parseBoolean(env.getOrDefault("ONNX_MEMORY_PATTERN", "false")),
                env.containsKey("ONNX_OPTIMIZED_MODEL_DIR") ? Path.of(env.get("ONNX_OPTIMIZED_MODEL_DIR")) : null);
        FaceModelFiles files = FaceModelFiles.find(ModelFiles.fromDirectory(modelDir)::path)
                .orElseThrow(() -> new IllegalArgumentException("no face models under " + modelDir));
        long loadStart = System.nanoTime();
        try (FaceNetworks networks = FaceNetworks.load(files, onnx)) {
            System.out.printf("models loaded in %d ms, %s, RSS %d MiB%n",
                    (System.nanoTime() - loadStart) / 1_000_000, onnx, rssMiB());
            FaceAnalyzer analyzer = new FaceAnalyzer(networks);
            JpegDecoder decoder = new JpegDecoder(50_000_000);
            for (int i = 2; i < args.length; i++) {
                byte[] jpeg = Files.readAllBytes(Path.of(args[i]));
                long decodeStart = System.nanoTime();
                RgbImage image = decoder.decode(jpeg);
                double decodeMs = (System.nanoTime() - decodeStart) / 1e6;
                List<FaceAnswer> faces = analyzer.analyze(image);
                for (int w = 0; w < 5; w++) {
                    analyzer.analyze(image);
                }
                double[] ms = new double[runs];
                double[] cpu = new double[runs];
                for (int r = 0; r < runs; r++) {
                    long cpuStart = CPU.getProcessCpuTime();
                    long start = System.nanoTime();
                    analyzer.analyze(image);
                    ms[r] = (System.nanoTime() - start) / 1e6;
                    cpu[r] = (CPU.getProcessCpuTime() - cpuStart) / 1e6;
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                System.out.printf("%s %dx%d faces %d: decode %.1f ms; analyze p50 %.1f ms, p90 %.1f ms, min %.1f,"
                                + " max %.1f (%d runs); process CPU time p50 %.1f ms, min %.1f ms%n",
                        Path.of(args[i]).getFileName(), image.width(), image.height(), faces.size(), decodeMs,
                        ms[runs / 2], ms[(int) (runs * 0.9)], ms[0], ms[runs - 1], runs, cpu[runs / 2], cpu[0]);
            }
            System.out.printf("RSS after runs %d MiB (peak %d MiB)%n", rssMiB(), peakMiB());
        }
    }

    private static long rssMiB() throws Exception {
        return status("VmRSS:");
    }

    private static long peakMiB() throws Exception {
        return status("VmHWM:");
    }

    private static long status(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}

package gallery.vision.worker.djl.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * One ONNX model under one set of ONNX Runtime session settings (a plain {@code main}, not a test; run each setting
 * in a fresh JVM so that resident memory is its own): wall time p50/min and process CPU time per run (every thread,
 * ONNX Runtime's pool included), and the process's RSS before loading, after loading and after the runs.
 * <pre>
 * java -cp "vision-worker/target/test-classes:$(cat /tmp/cp.txt)" gallery.vision.worker.djl.bench.SessionSettingsBenchmark \
 *   MODEL.onnx BATCH SIDE RUNS THREADS ARENA PATTERN
 * </pre>
 * {@code THREADS}: {@code shared} (the service's default: one process-wide pool as large as the cores, as DJL creates
 * it, and no per-session pool) or a number (a per-session pool of that many threads, no spinning). {@code ARENA},
 * {@code PATTERN}: ONNX Runtime's CPU arena and memory pattern switches. {@code BATCH} and {@code SIDE} fill dynamic
 * input dimensions (the first, the others). Random input; 5 warm-up runs.
 */
public final class SessionSettingsBenchmark {

    private SessionSettingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        int side = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        boolean shared = args[4].equals("shared");
        boolean arena = Boolean.parseBoolean(args[5]);
        boolean pattern = Boolean.parseBoolean(args[6]);
        long rssStart = rssMiB();
        OrtEnvironment environment;
        try (OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions()) {
            threading.setGlobalIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            threading.setGlobalInterOpNumThreads(1);
            environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "bench", threading);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (shared) {
                options.disablePerSessionThreads();
            } else {
                options.setIntraOpNumThreads(Integer.parseInt(args[4]));
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setCPUArenaAllocator(arena);
            options.setMemoryPatternOptimization(pattern);
            try (OrtSession session = environment.createSession(model.toString(), options)) {
                long rssLoaded = rssMiB();
                Map<String, OnnxTensor> inputs = randomInputs(environment, session, batch, side);
                double[] wall = new double[runs];
                long cpuStart = 0;
                for (int r = -5; r < runs; r++) {
                    if (r == 0) {
                        cpuStart = cpuNanos();
                    }
                    long start = System.nanoTime();
                    try (OrtSession.Result ignored = session.run(inputs)) {
                        if (r >= 0) {
                            wall[r] = (System.nanoTime() - start) / 1e6;
                        }
                    }
                }
                double cpu = (cpuNanos() - cpuStart) / 1e6 / runs;
                Arrays.sort(wall);
                System.out.printf("%s batch %d side %d threads %s arena %s pattern %s: wall p50 %.1f ms, min %.1f;"
                                + " CPU %.1f ms/run; RSS start %d, loaded %d, after %d runs %d MiB (peak %d)%n",
                        model.getFileName(), batch, side, args[4], arena, pattern, wall[runs / 2], wall[0], cpu,
                        rssStart, rssLoaded, runs, rssMiB(), status("VmHWM:"));
                inputs.values().forEach(OnnxTensor::close);
            }
        }
    }

    private static Map<String, OnnxTensor> randomInputs(OrtEnvironment environment, OrtSession session, int batch,
                                                        int side) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        Random random = new Random(42);
        for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
            long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape().clone();
            int size = 1;
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] < 0) {
                    shape[d] = d == 0 ? batch : side;
                }
                size *= (int) shape[d];
            }
            FloatBuffer values = FloatBuffer.allocate(size);
            for (int i = 0; i < size; i++) {
                values.put(random.nextFloat() * 255);
            }
            inputs.put(input.getKey(), OnnxTensor.createTensor(environment, values.flip(), shape));
        }
        return inputs;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long rssMiB() throws Exception {
        return status("VmRSS:");
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

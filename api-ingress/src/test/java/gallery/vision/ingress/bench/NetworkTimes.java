package gallery.vision.ingress.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * "Networks alone": one converted ONNX model run on ONNX Runtime directly (no DJL, no pre- or post-processing), with
 * the service's session settings (all graph optimisations, no spinning, {@code ONNX_CPU_ARENA}, no memory patterns), random input of the shape the service feeds,
 * a few warm-up runs, then the wall time of each run.
 */
final class NetworkTimes {

    private static final int WARMUP = 5;

    private NetworkTimes() {
    }

    /**
     * @param cpuArena  ONNX Runtime's CPU arena ({@code ONNX_CPU_ARENA}; on by default); memory patterns off, as in
     *                  the service
     * @param batch     the size of a dynamic first dimension (faces in one image for the per-face networks)
     * @param spatial   the size of any other dynamic dimension (the input side the service feeds)
     */
    /** Wall times of the runs and the process's CPU time per run (ONNX Runtime's pool threads included). */
    record Measured(Latencies latencies, double cpuMillisPerRun) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static Measured measure(Path onnx, int intraOpThreads, boolean cpuArena, int batch, int spatial, int runs)
            throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setCPUArenaAllocator(cpuArena);
            options.setMemoryPatternOptimization(false);
            try (OrtSession session = environment.createSession(onnx.toString(), options)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                Random random = new Random(42);
                try {
                    for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
                        long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape().clone();
                        for (int d = 0; d < shape.length; d++) {
                            if (shape[d] < 0) {
                                shape[d] = d == 0 ? batch : spatial;
                            }
                        }
                        int size = 1;
                        for (long s : shape) {
                            size *= (int) s;
                        }
                        FloatBuffer values = FloatBuffer.allocate(size);
                        for (int i = 0; i < size; i++) {
                            values.put(random.nextFloat());
                        }
                        values.flip();
                        inputs.put(input.getKey(), OnnxTensor.createTensor(environment, values, shape));
                    }
                    double[] millis = new double[runs];
                    long cpuStart = 0;
                    for (int r = -WARMUP; r < runs; r++) {
                        if (r == 0) {
                            cpuStart = processCpuNanos();
                        }
                        long start = System.nanoTime();
                        try (OrtSession.Result ignored = session.run(inputs)) {
                            if (r >= 0) {
                                millis[r] = (System.nanoTime() - start) / 1e6;
                            }
                        }
                    }
                    return new Measured(Latencies.of(millis), (processCpuNanos() - cpuStart) / 1e6 / runs);
                } finally {
                    inputs.values().forEach(OnnxTensor::close);
                }
            }
        }
    }
}

package gallery.vision.ingress.bench;

import java.nio.file.Path;

/**
 * Issue 9 item 6 (not a test): would the bulk lane save CPU by running several images through one network run? For
 * each whole-image network (face detector, CenterNet, MobileNet v2 features) it measures the CPU time per image at
 * batch 1, 2, 4 and 8 with the service's session settings ({@link NetworkTimes}: random input, the service's input
 * side), at the given intra-op threads (1: the bulk lane's setting). The shipped whole-image networks have a fixed
 * batch of 1 (reported and skipped); model-build's {@code BatchVariants} writes dynamic-batch variants of them, checked
 * bit for bit against the shipped graphs, into a directory of the same layout (copy the per-face networks beside
 * them) to point this at. Run from the repository root:
 * <pre>
 * java -cp "api-ingress/target/test-classes:$(cat /tmp/cp.txt)" gallery.vision.ingress.bench.BatchTimes \
 *     model-build/target/model-files/gallery/vision/models [RUNS] [THREADS] [ARENA]
 * </pre>
 */
public final class BatchTimes {

    private static final int[] BATCHES = {1, 2, 4, 8};

    private BatchTimes() {
    }

    private static long[] inputShape(Path onnx) throws ai.onnxruntime.OrtException {
        try (ai.onnxruntime.OrtSession session = ai.onnxruntime.OrtEnvironment.getEnvironment()
                .createSession(onnx.toString(), new ai.onnxruntime.OrtSession.SessionOptions())) {
            return ((ai.onnxruntime.TensorInfo) session.getInputInfo().values().iterator().next().getInfo()).getShape();
        }
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean arena = args.length > 3 && Boolean.parseBoolean(args[3]);
        Object[][] networks = {
                {"face-detector", "faces/face-detector.onnx", 512},
                {"centernet-mobilenet-v3", "tfjs/centernet-mobilenet-v3.onnx", 512},
                {"nsfw-mobilenet-v2-features", "tfjs/nsfw-mobilenet-v2-features.onnx", 224},
                // per-face networks, which already take every face of an image in one run: how batching behaves
                // on ONNX Runtime at one thread for conv nets whose graph allows it
                {"face-recognition", "faces/face-recognition.onnx", 150},
                {"face-landmarks", "faces/face-landmarks.onnx", 112}};
        System.out.printf("intra-op threads %d, CPU arena %s, %d runs per batch size, load average %s%n", threads,
                arena, runs, java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        for (Object[] network : networks) {
            long[] shape = inputShape(models.resolve((String) network[1]));
            System.out.printf("%-28s input shape %s%n", network[0], java.util.Arrays.toString(shape));
            if (shape[0] >= 0) {
                System.out.printf("%-28s fixed batch dimension: one image per run%n", network[0]);
                continue;
            }
            double single = 0;
            for (int batch : BATCHES) {
                NetworkTimes.Measured measured;
                try {
                    measured = NetworkTimes.measure(models.resolve((String) network[1]), threads, arena, batch,
                            (Integer) network[2], Math.max(2, runs / batch));
                } catch (ai.onnxruntime.OrtException e) {
                    System.out.printf("%-28s batch %d: not runnable (%s)%n", network[0], batch, e.getMessage());
                    break;
                }
                double perImage = measured.cpuMillisPerRun() / batch;
                if (batch == 1) {
                    single = perImage;
                }
                System.out.printf("%-28s batch %d: CPU %.1f ms/run, %.1f ms/image (%+.0f%% vs batch 1), wall p50 %.1f ms%n",
                        network[0], batch, measured.cpuMillisPerRun(), perImage, (perImage / single - 1) * 100,
                        measured.latencies().p50());
            }
        }
    }
}

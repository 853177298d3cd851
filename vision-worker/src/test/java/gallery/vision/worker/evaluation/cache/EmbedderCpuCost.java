package gallery.vision.worker.evaluation.cache;

import com.sun.management.OperatingSystemMXBean;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.embeddings.GrayInput;
import gallery.vision.worker.evaluation.networks.EvalModels;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.PhotoLoader;
import gallery.vision.worker.evaluation.photos.PhotoManifest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the duo input ({@code duo-hgshape7}: a second network run on the image turned gray) costs: the process CPU
 * time (all threads, ONNX Runtime's included) and wall time per image of the embedder fed the colour image alone, the
 * gray image alone ({@code gray-hgshape6}'s input) and both with the shipped standardisation (the service since
 * {@code duo-hgshape7}), on the first {@code --count} photos (800 px previews, decoded beforehand), after
 * {@code --warmup} untimed runs per mode. Not a benchmark of the service (BENCHMARKS.md has those).
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.cache.EmbedderCpuCost -Deval.args="--count 30"
 * </pre>
 */
public final class EmbedderCpuCost {

    private EmbedderCpuCost() {
    }

    public static void main(String[] args) {
        EvalPaths paths = EvalPaths.parse(args);
        int count = Integer.parseInt(paths.option("count", "30"));
        int warmup = Integer.parseInt(paths.option("warmup", "3"));
        int rounds = Integer.parseInt(paths.option("rounds", "3"));
        PhotoLoader loader = new PhotoLoader(800);
        List<RgbImage> images = new ArrayList<>();
        for (EvalPhoto photo : PhotoManifest.read(paths.tools().resolve("photos.tsv"), paths.photos())) {
            if (images.size() < count) {
                images.add(loader.load(photo));
            }
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String name = EmbeddingsConfiguration.EMBEDDER.name();
        Map<String, EmbeddingAnalyzer> modes = new LinkedHashMap<>();
        modes.put("colour input", new EmbeddingAnalyzer(EvalModels.load(name), EmbeddingsConfiguration.EMBEDDER,
                List.of(UnaryOperator.identity()), EmbeddingTransform.NONE));
        modes.put("gray input (gray-hgshape6)", new EmbeddingAnalyzer(EvalModels.load(name),
                EmbeddingsConfiguration.EMBEDDER, List.of(GrayInput::apply), EmbeddingTransform.NONE));
        modes.put("duo input + standardisation (duo-hgshape7)", new EmbeddingAnalyzer(EvalModels.load(name),
                EmbeddingsConfiguration.EMBEDDER, EmbeddingsConfiguration.INPUTS, EmbeddingsConfiguration.TRANSFORM));
        try {
            for (EmbeddingAnalyzer analyzer : modes.values()) {
                for (int i = 0; i < warmup; i++) {
                    analyzer.analyze(images.get(i % images.size()));
                }
            }
            // rounds interleave the modes, so that a change of the machine's load hits all of them alike
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, EmbeddingAnalyzer> mode : modes.entrySet()) {
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    for (RgbImage image : images) {
                        mode.getValue().analyze(image);
                    }
                    System.out.printf(Locale.ROOT, "embedder cost, round %d: %s: %.1f ms CPU, %.1f ms wall per image "
                            + "(%d images)%n", round, mode.getKey(), (os.getProcessCpuTime() - cpu) / 1e6
                            / images.size(), (System.nanoTime() - wall) / 1e6 / images.size(), images.size());
                }
            }
        } finally {
            modes.values().forEach(EmbeddingAnalyzer::close);
        }
    }
}

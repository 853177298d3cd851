package gallery.vision.worker.evaluation.cache;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.embeddings.GrayInput;
import gallery.vision.worker.evaluation.networks.EvalModels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the duo input ({@code duo-hgshape7}: a second network run on the image turned gray) costs: the process CPU
 * time (all threads, ONNX Runtime's included) and wall time per image of the embedder fed the colour image alone, the
 * gray image alone ({@code gray-hgshape6}'s input) and both with the shipped standardisation (the service since
 * {@code duo-hgshape7}), on the first {@code --count} photos (800 px previews, decoded beforehand), after
 * {@code --warmup} untimed runs per mode ({@link PerImageCost}). Not a benchmark of the service (BENCHMARKS.md has
 * those).
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
        List<RgbImage> images = PerImageCost.previews(paths, count);
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
                PerImageCost.warmUp(analyzer::analyze, images, warmup);
            }
            // rounds interleave the modes, so that a change of the machine's load hits all of them alike
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, EmbeddingAnalyzer> mode : modes.entrySet()) {
                    System.out.println("embedder cost, round " + round + ": " + mode.getKey() + ": "
                            + PerImageCost.measure(mode.getValue()::analyze, images));
                }
            }
        } finally {
            modes.values().forEach(EmbeddingAnalyzer::close);
        }
    }
}

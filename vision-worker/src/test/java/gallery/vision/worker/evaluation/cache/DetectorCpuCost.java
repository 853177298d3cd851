package gallery.vision.worker.evaluation.cache;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.networks.EvalModels;
import gallery.vision.worker.objects.ObjectAnalyzer;
import gallery.vision.worker.objects.ObjectsConfiguration;
import gallery.vision.worker.objects.ScoreCalibration;

import java.util.List;

/**
 * What flip test-time augmentation ({@code OBJECTS_FLIP}) costs: the process CPU time (all threads, ONNX Runtime's
 * included) and wall time per image of the detector with and without it, on the first {@code --count} photos (800 px
 * previews, decoded beforehand), after {@code --warmup} untimed runs per mode ({@link PerImageCost}). Not a benchmark
 * of the service (BENCHMARKS.md has those).
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.cache.DetectorCpuCost -Deval.args="--count 30"
 * </pre>
 */
public final class DetectorCpuCost {

    private DetectorCpuCost() {
    }

    public static void main(String[] args) {
        EvalPaths paths = EvalPaths.parse(args);
        int count = Integer.parseInt(paths.option("count", "30"));
        int warmup = Integer.parseInt(paths.option("warmup", "3"));
        List<RgbImage> images = PerImageCost.previews(paths, count);
        String name = ObjectsConfiguration.DETECTOR.name();
        for (boolean flip : new boolean[] {false, true}) {
            try (ObjectAnalyzer analyzer = new ObjectAnalyzer(EvalModels.load(name), ObjectsConfiguration.DETECTOR,
                    ScoreCalibration.NONE, flip)) {
                PerImageCost.warmUp(analyzer::analyze, images, warmup);
                System.out.println("detector cost: flip " + flip + ": "
                        + PerImageCost.measure(analyzer::analyze, images));
            }
        }
    }
}

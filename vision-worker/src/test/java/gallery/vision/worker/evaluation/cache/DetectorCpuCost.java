package gallery.vision.worker.evaluation.cache;

import com.sun.management.OperatingSystemMXBean;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.networks.EvalModels;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.PhotoLoader;
import gallery.vision.worker.evaluation.photos.PhotoManifest;
import gallery.vision.worker.objects.ObjectAnalyzer;
import gallery.vision.worker.objects.ObjectsConfiguration;
import gallery.vision.worker.objects.ScoreCalibration;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What flip test-time augmentation ({@code OBJECTS_FLIP}) costs: the process CPU time (all threads, ONNX Runtime's
 * included) and wall time per image of the detector with and without it, on the first {@code --count} photos (800 px
 * previews, decoded beforehand), after {@code --warmup} untimed runs per mode. CPU time, unlike wall time, barely
 * depends on what else the machine runs. Not a benchmark of the service (BENCHMARKS.md has those).
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
        PhotoLoader loader = new PhotoLoader(800);
        List<RgbImage> images = new ArrayList<>();
        for (EvalPhoto photo : PhotoManifest.read(paths.tools().resolve("photos.tsv"), paths.photos())) {
            if (images.size() < count) {
                images.add(loader.load(photo));
            }
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String name = ObjectsConfiguration.DETECTOR.name();
        for (boolean flip : new boolean[] {false, true}) {
            try (ObjectAnalyzer analyzer = new ObjectAnalyzer(EvalModels.load(name), ObjectsConfiguration.DETECTOR,
                    ScoreCalibration.NONE, flip)) {
                for (int i = 0; i < warmup; i++) {
                    analyzer.analyze(images.get(i % images.size()));
                }
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                for (RgbImage image : images) {
                    analyzer.analyze(image);
                }
                System.out.printf(Locale.ROOT, "detector cost: flip %s: %.1f ms CPU, %.1f ms wall per image (%d images)%n",
                        flip, (os.getProcessCpuTime() - cpu) / 1e6 / images.size(),
                        (System.nanoTime() - wall) / 1e6 / images.size(), images.size());
            }
        }
    }
}

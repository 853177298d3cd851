package gallery.vision.worker.evaluation.cache;

import com.sun.management.OperatingSystemMXBean;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.PhotoLoader;
import gallery.vision.worker.evaluation.photos.PhotoManifest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the CPU-cost reports ({@link DetectorCpuCost}, {@link EmbedderCpuCost}) share: the photos as 800 px previews
 * decoded beforehand, untimed warm-up runs, and the process CPU time (all threads, ONNX Runtime's included, which
 * ThreadMXBean does not see) and wall time per image of one pass. CPU time, unlike wall time, barely depends on what
 * else the machine runs. Stateless.
 */
final class PerImageCost {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PerImageCost() {
    }

    /** The first {@code count} photos of {@code photos.tsv}, decoded and shrunk to 800 px. */
    static List<RgbImage> previews(EvalPaths paths, int count) {
        PhotoLoader loader = new PhotoLoader(800);
        List<RgbImage> images = new ArrayList<>();
        for (EvalPhoto photo : PhotoManifest.read(paths.tools().resolve("photos.tsv"), paths.photos())) {
            if (images.size() < count) {
                images.add(loader.load(photo));
            }
        }
        return images;
    }

    /** {@code runs} untimed runs over the images, from the first. */
    static void warmUp(Consumer<RgbImage> analysis, List<RgbImage> images, int runs) {
        for (int i = 0; i < runs; i++) {
            analysis.accept(images.get(i % images.size()));
        }
    }

    /** One timed pass over the images: "x ms CPU, y ms wall per image (n images)". */
    static String measure(Consumer<RgbImage> analysis, List<RgbImage> images) {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        for (RgbImage image : images) {
            analysis.accept(image);
        }
        return String.format(Locale.ROOT, "%.1f ms CPU, %.1f ms wall per image (%d images)",
                (OS.getProcessCpuTime() - cpu) / 1e6 / images.size(), (System.nanoTime() - wall) / 1e6 / images.size(),
                images.size());
    }
}

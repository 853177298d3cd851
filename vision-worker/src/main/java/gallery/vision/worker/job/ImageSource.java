package gallery.vision.worker.job;

import gallery.vision.common.image.RgbImage;

/** Where a job's pixels come from: already decoded in memory (embedded mode) or fetched and decoded on demand. */
@FunctionalInterface
public interface ImageSource {

    RgbImage load();
}

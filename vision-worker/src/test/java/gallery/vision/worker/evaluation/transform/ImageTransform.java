package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/**
 * A deterministic edit that makes a near-duplicate of a photo (same input, same output bytes). Thread-safe: a
 * transform holds no mutable state.
 */
public interface ImageTransform {

    /** Short name for the report, such as {@code flip}. */
    String name();

    RgbImage apply(RgbImage image);
}

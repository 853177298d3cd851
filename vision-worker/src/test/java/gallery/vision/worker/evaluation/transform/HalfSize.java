package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/** Half the width and height (rounded, at least 1 pixel), by area averaging. */
public final class HalfSize implements ImageTransform {

    @Override
    public String name() {
        return "half size";
    }

    @Override
    public RgbImage apply(RgbImage image) {
        int width = Math.max(1, Math.round(image.width() / 2f));
        int height = Math.max(1, Math.round(image.height() / 2f));
        return AreaResize.resize(image, width, height);
    }
}

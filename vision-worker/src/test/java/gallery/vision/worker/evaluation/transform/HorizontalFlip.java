package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/** Mirrors left and right. */
public final class HorizontalFlip implements ImageTransform {

    @Override
    public String name() {
        return "horizontal flip";
    }

    @Override
    public RgbImage apply(RgbImage image) {
        int width = image.width();
        byte[] source = image.rgb();
        byte[] rgb = new byte[source.length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < width; x++) {
                int from = (y * width + x) * 3;
                int to = (y * width + width - 1 - x) * 3;
                rgb[to] = source[from];
                rgb[to + 1] = source[from + 1];
                rgb[to + 2] = source[from + 2];
            }
        }
        return new RgbImage(width, image.height(), rgb);
    }
}

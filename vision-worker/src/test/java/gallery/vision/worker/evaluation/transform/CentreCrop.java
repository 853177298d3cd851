package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/** Keeps the centred {@code fraction} of the width and of the height (80% by default), without rescaling. */
public final class CentreCrop implements ImageTransform {

    private final double fraction;

    public CentreCrop(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public String name() {
        return Math.round(fraction * 100) + "% centre crop";
    }

    @Override
    public RgbImage apply(RgbImage image) {
        int width = Math.max(1, (int) Math.round(image.width() * fraction));
        int height = Math.max(1, (int) Math.round(image.height() * fraction));
        int left = (image.width() - width) / 2;
        int top = (image.height() - height) / 2;
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.rgb(), ((top + y) * image.width() + left) * 3, rgb, y * width * 3, width * 3);
        }
        return new RgbImage(width, height, rgb);
    }
}

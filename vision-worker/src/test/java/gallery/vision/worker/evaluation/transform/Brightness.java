package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/** Multiplies every channel by {@code factor} (1.2 = +20% brightness), rounding and clamping to 0..255. */
public final class Brightness implements ImageTransform {

    private final double factor;

    public Brightness(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive: " + factor);
        }
        this.factor = factor;
    }

    @Override
    public String name() {
        long percent = Math.round((factor - 1) * 100);
        return (percent >= 0 ? "+" : "") + percent + "% brightness";
    }

    @Override
    public RgbImage apply(RgbImage image) {
        byte[] source = image.rgb();
        byte[] rgb = new byte[source.length];
        for (int i = 0; i < source.length; i++) {
            rgb[i] = (byte) Math.min(255, Math.round((source[i] & 0xff) * factor));
        }
        return new RgbImage(image.width(), image.height(), rgb);
    }
}

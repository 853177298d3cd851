package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/**
 * Grayscale copy: every pixel's three channels set to its luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601,
 * rounded), the way a photo converted to black and white is stored as an RGB JPEG.
 */
public final class Gray implements ImageTransform {

    @Override
    public String name() {
        return "gray";
    }

    @Override
    public RgbImage apply(RgbImage image) {
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
            int luma = (int) Math.round(0.299 * (in[i] & 0xff) + 0.587 * (in[i + 1] & 0xff)
                    + 0.114 * (in[i + 2] & 0xff));
            out[i] = (byte) luma;
            out[i + 1] = (byte) luma;
            out[i + 2] = (byte) luma;
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}

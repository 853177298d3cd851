package gallery.vision.worker.embeddings;

import gallery.vision.common.image.RgbImage;

/**
 * Pre-processing step of the embedder since {@code gray-hgshape6}: the image turned gray before it is resized and fed
 * to the network, every pixel's three channels set to its luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601,
 * rounded to the nearest level). A gray copy of a photo then gives the network the same input as the photo itself
 * (exactly, for a copy made by that conversion; nearly, for one stored as a grayscale JPEG), so the embedding no
 * longer moves when a photo loses its colour: the failures of the colour-input shapings on unseen photos were all gray
 * copies (docs/model-choice.md, "Gray input"). Costs one pass over the pixels, no second network run.
 *
 * <p>The luma is computed in doubles and rounded with {@link Math#round(double)}, the evaluation's gray edit exactly
 * (an integer form with 16-bit weights differs from it on about 10 000 of the 2^24 colours, by one level), so that
 * the shaping fitted on the evaluation's gray-input features sees the same pixels as the service.
 *
 * <p>Stateless and thread-safe.
 */
public final class GrayInput {

    private static final double RED = 0.299;
    private static final double GREEN = 0.587;
    private static final double BLUE = 0.114;

    private GrayInput() {
    }

    /** A new image of the same size whose every pixel is gray at the luma of the input's pixel. */
    public static RgbImage apply(RgbImage image) {
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
            byte luma = (byte) Math.round(RED * (in[i] & 0xff) + GREEN * (in[i + 1] & 0xff)
                    + BLUE * (in[i + 2] & 0xff));
            out[i] = luma;
            out[i + 1] = luma;
            out[i + 2] = luma;
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}

package gallery.vision.common.image;

import gallery.vision.common.ApiException;

/**
 * The decoding step of a request: reads the frame header (the decoder's {@code MAX_PIXELS} check included), claims
 * from the {@link PixelBudget} what the decode will hold at its peak (the decoder's working buffers and the RGB
 * result, {@link DecodeFootprint}), and only then decodes. Once decoded it keeps only the RGB image's pixels claimed
 * until {@link ImageSource#release()}; a failed decode gives the whole claim back at once. The decoder itself knows nothing of the
 * budget, so any {@link JpegDecoder} can stand behind this step.
 *
 * <p>Thread-safe.
 */
public final class BudgetedDecoder {

    private final JpegDecoder decoder;
    private final PixelBudget budget;

    public BudgetedDecoder(JpegDecoder decoder, PixelBudget budget) {
        this.decoder = decoder;
        this.budget = budget;
    }

    /**
     * Decodes the JPEG under the budget. Throws the decoder's {@link ApiException} for a bad image and
     * {@link gallery.vision.common.ApiError#DECODE_BUSY} when the budget stays full for longer than its wait.
     */
    public ImageSource decode(byte[] jpeg) {
        PixelLease lease = budget.claim(decoder.footprint(jpeg));
        try {
            RgbImage image = decoder.decode(jpeg);
            lease.keep((long) image.width() * image.height());
            return ImageSource.decoded(jpeg, image, lease);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    public PixelBudget budget() {
        return budget;
    }
}

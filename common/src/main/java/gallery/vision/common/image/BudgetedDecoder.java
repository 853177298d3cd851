package gallery.vision.common.image;

import gallery.vision.common.ApiException;

/**
 * The decoding step of a request: reads the frame header's size (the decoder's {@code MAX_PIXELS} check included),
 * claims that many pixels from the {@link PixelBudget}, and only then decodes. The image it returns holds the claim
 * until {@link ImageSource#release()}; a failed decode gives it back at once. The decoder itself knows nothing of the
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
        PixelLease lease = budget.claim(decoder.readSize(jpeg));
        try {
            return ImageSource.decoded(jpeg, decoder.decode(jpeg), lease);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    public PixelBudget budget() {
        return budget;
    }
}

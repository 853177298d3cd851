package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.ingress.analysis.ImageIntake;

/**
 * Distributed mode's intake: a JPEG small enough to travel inside its job ({@code INLINE_IMAGE_LIMIT}) is checked
 * here only as far as its header (the signature, the markers up to the frame header, {@code MAX_PIXELS}: the 400s
 * and the 413 a client sees at once) and decoded once, by the worker, which replies a decode failure of the bytes it
 * was sent as the same 400 ({@code JobListener}). Decoding it here as well only to throw the pixels away put a second
 * decode on every request's path (BENCHMARKS.md, "Speed table in one run"). A larger JPEG is stored before its job
 * and the worker reads the bucket's copy, whose damage is not the client's fault: it is decoded here under the pixel
 * budget, as before, so that bad input is still refused here.
 *
 * <p>The price: a small JPEG whose header is sound but whose scan data is damaged costs a job, and its bytes are
 * written to the bucket beside the publish (under their content address, expiring with {@code IMAGE_TTL}, never
 * referenced by an answer). Thread-safe.
 */
public final class InlineImageIntake implements ImageIntake {

    private final JpegDecoder decoder;
    private final BudgetedDecoder budgeted;
    private final long inlineImageLimit;

    /** @param inlineImageLimit largest JPEG, in bytes, that travels inside its job (as the dispatcher decides) */
    public InlineImageIntake(JpegDecoder decoder, BudgetedDecoder budgeted, long inlineImageLimit) {
        this.decoder = decoder;
        this.budgeted = budgeted;
        this.inlineImageLimit = inlineImageLimit;
    }

    @Override
    public ImageSource accept(byte[] jpeg) {
        if (jpeg.length > inlineImageLimit) {
            return budgeted.decode(jpeg);
        }
        decoder.readSize(jpeg);
        return ImageSource.received(jpeg, decoder);
    }
}

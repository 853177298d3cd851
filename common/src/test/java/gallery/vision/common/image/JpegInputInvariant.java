package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;

/**
 * What every request body must come to in the decoders (the fuzz tests' oracle and the findings' regression
 * tests): a decoded image within the pixel limit, or an {@link ApiException} with a 4xx status. Anything else
 * (another exception, an {@link Error}) escapes as a failure.
 *
 * <p>Stateless; thread-safe.
 */
final class JpegInputInvariant {

    private JpegInputInvariant() {
    }

    /** The public contract of {@link JpegDecoder}: header reading and decoding agree and stay within the limits. */
    static void holds(JpegDecoder decoder, byte[] body, long maxPixels) {
        ImageSize size = null;
        ApiError sizeError = null;
        try {
            size = decoder.readSize(body);
            check(size.width() > 0 && size.height() > 0 && (long) size.width() * size.height() <= maxPixels,
                    "readSize gave " + size);
        } catch (ApiException e) {
            sizeError = clientError(e);
        }
        RgbImage image;
        try {
            image = decoder.decode(body);
        } catch (ApiException e) {
            ApiError error = clientError(e);
            check(sizeError != ApiError.TOO_MANY_PIXELS || error == ApiError.TOO_MANY_PIXELS,
                    "readSize refused the size but decode answered " + error);
            return;
        }
        check(size != null, "decode succeeded where readSize failed with " + sizeError);
        check(image.width() == size.width() && image.height() == size.height(),
                "decoded " + image.width() + "x" + image.height() + " but the header says " + size);
        check(image.rgb().length == image.width() * image.height() * 3, "RGB buffer of the wrong length");
    }

    /**
     * Our own decoder refuses damaged data on purpose: with an {@link ApiException}, or the
     * {@link IllegalStateException} / {@link IllegalArgumentException} its checks throw (which {@link JpegDecoder}
     * turns into 400). An index, arithmetic or other runtime exception means it read or wrote past what it meant to.
     */
    static void refusesOnPurpose(JpegPixelDecoder decoder, byte[] body) {
        if (!JpegDecoder.hasJpegSignature(body)) {
            return;
        }
        try {
            decoder.decode(body);
        } catch (ApiException e) {
            clientError(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a deliberate refusal
        }
    }

    private static ApiError clientError(ApiException e) {
        int status = e.error().status();
        check(status >= 400 && status < 500, "answered " + status + " " + e.error() + ": " + e.getMessage());
        return e.error();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}

package gallery.vision.ingress.analysis;

import gallery.vision.common.image.ImageSource;

/**
 * The step from a request's JPEG bytes to its job's image, which is also where bad input is refused: it throws the
 * client-visible {@link gallery.vision.common.ApiException} (400, 413) for bytes it can tell are no usable JPEG, or
 * {@link gallery.vision.common.ApiError#DECODE_BUSY} when the pixel budget stays full. Embedded mode decodes under the
 * pixel budget (its analysis needs the pixels anyway); distributed mode checks a small image's header and leaves the
 * one decode to the worker ({@code InlineImageIntake}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface ImageIntake {

    ImageSource accept(byte[] jpeg);
}

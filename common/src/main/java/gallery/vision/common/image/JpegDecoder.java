package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;

import java.util.Objects;

/**
 * Decodes a JPEG into {@link RgbImage} with the chosen {@link JpegDecoding} (jpeg-js-compatible by default).
 * EXIF orientation is ignored, as the original server ignores it.
 *
 * <p>Errors: an empty body, bytes that do not start like a JPEG, and damaged or truncated data are
 * {@link ApiError#EMPTY_BODY}, {@link ApiError#NOT_A_JPEG} and {@link ApiError#UNDECODABLE_IMAGE} (400); a frame
 * header declaring more than {@code maxPixels} pixels is {@link ApiError#TOO_MANY_PIXELS} (413), checked before any
 * pixel buffer is allocated.
 *
 * <p>Thread-safe: every call decodes with objects of its own.
 */
public final class JpegDecoder {

    private final JpegDecoding decoding;
    private final JpegPixelDecoder pixels;

    /** The default, jpeg-js-compatible decoder. */
    public JpegDecoder(long maxPixels) {
        this(maxPixels, JpegDecoding.JPEG_JS);
    }

    public JpegDecoder(long maxPixels, JpegDecoding decoding) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.decoding = Objects.requireNonNull(decoding, "decoding");
        this.pixels = switch (decoding) {
            case JPEG_JS -> new JpegJsDecoder(maxPixels);
            case IMAGEIO -> new ImageIoJpegDecoder(maxPixels);
        };
    }

    public JpegDecoding decoding() {
        return decoding;
    }

    /** Reads width and height from the frame header and enforces the pixel limit, without decoding pixels. */
    public ImageSize readSize(byte[] jpeg) {
        return header(jpeg, pixels::readSize);
    }

    /**
     * What decoding this file will hold at most (the decoder's working buffers and the RGB result), from the frame
     * header; enforces the pixel limit as {@link #readSize} does.
     */
    public DecodeFootprint footprint(byte[] jpeg) {
        return header(jpeg, pixels::footprint);
    }

    private static <T> T header(byte[] jpeg, java.util.function.Function<byte[], T> read) {
        checkSignature(jpeg);
        try {
            return read.apply(jpeg);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ApiError.UNDECODABLE_IMAGE.exception(describe(e));
        }
    }

    /** Decodes the whole image to RGB, enforcing the pixel limit first. */
    public RgbImage decode(byte[] jpeg) {
        checkSignature(jpeg);
        try {
            return pixels.decode(jpeg);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // Damaged data shows up as a variety of runtime exceptions (state, index, arithmetic errors).
            throw ApiError.UNDECODABLE_IMAGE.exception(describe(e));
        }
    }

    private static void checkSignature(byte[] jpeg) {
        if (jpeg.length == 0) {
            throw ApiError.EMPTY_BODY.exception();
        }
        if (!hasJpegSignature(jpeg)) {
            throw ApiError.NOT_A_JPEG.exception();
        }
    }

    /** SOI marker followed by the start of another marker. */
    static boolean hasJpegSignature(byte[] data) {
        return data.length >= 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8 && (data[2] & 0xff) == 0xFF;
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

package gallery.vision.common.image;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the images this service decodes, and the decoder.
 *
 * @param maxPixels   {@code MAX_PIXELS}: largest width x height a JPEG frame header may declare
 * @param jpegDecoder {@code JPEG_DECODER}: {@code jpeg-js} (the original server's pixels) or {@code imageio}
 */
@Validated
@ConfigurationProperties("gallery.image")
public record ImageProperties(
        @Positive(message = "MAX_PIXELS must be a positive number of pixels") long maxPixels,
        @Pattern(regexp = "jpeg-js|imageio", message = "JPEG_DECODER must be jpeg-js or imageio") String jpegDecoder) {

    public ImageProperties {
        jpegDecoder = jpegDecoder == null ? JpegDecoding.JPEG_JS.setting() : jpegDecoder;
    }

    public JpegDecoding jpegDecoding() {
        return JpegDecoding.fromSetting(jpegDecoder);
    }
}

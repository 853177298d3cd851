package gallery.vision.common.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which JPEG decoder produces the pixels ({@code JPEG_DECODER}).
 *
 * <ul>
 *   <li>{@link #JPEG_JS} ({@code jpeg-js}, the default): the same pixels as jpeg-js 0.4.4, the decoder of the
 *       original server, so answers match the ones Home Gallery got from it;</li>
 *   <li>{@link #IMAGEIO} ({@code imageio}): TwelveMonkeys ImageIO (libjpeg-style fancy upsampling, ICC-aware CMYK),
 *       the decoder of earlier versions of this service.</li>
 * </ul>
 */
public enum JpegDecoding {
    JPEG_JS("jpeg-js"),
    IMAGEIO("imageio");

    private final String setting;

    JpegDecoding(String setting) {
        this.setting = setting;
    }

    /** The value as written in {@code JPEG_DECODER}. */
    public String setting() {
        return setting;
    }

    /** Parses a {@code JPEG_DECODER} value (case-insensitive); unknown values fail naming the setting. */
    public static JpegDecoding fromSetting(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (JpegDecoding decoding : values()) {
            if (decoding.setting.equals(wanted)) {
                return decoding;
            }
        }
        throw new IllegalArgumentException("JPEG_DECODER must be one of "
                + Arrays.stream(values()).map(JpegDecoding::setting).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }

    @Override
    public String toString() {
        return setting;
    }
}

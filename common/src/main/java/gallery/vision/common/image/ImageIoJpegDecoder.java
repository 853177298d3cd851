package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a JPEG into {@link RgbImage} with TwelveMonkeys' reader (the {@code imageio} choice of
 * {@link JpegDecoding}), which handles grayscale, CMYK/YCCK and progressive
 * files. EXIF orientation is ignored, as the original server does.
 *
 * <p>The size limit is checked on the frame header, before any pixel buffer is allocated. A truncated file, which
 * the reader would fill up with grey pixels and report only as a warning, is rejected; other warnings (a missing
 * colour profile, a few stray bytes before a marker) are common in real photos and do not stop decoding.
 *
 * <p>Thread-safe: every call opens and disposes a reader of its own.
 */
final class ImageIoJpegDecoder implements JpegPixelDecoder {

    private static final String TWELVEMONKEYS_PACKAGE = "com.twelvemonkeys.";
    /** Reader warnings (lower case) that mean pixel data is missing. */
    private static final List<String> FATAL_WARNINGS = List.of("truncated", "premature end");

    static {
        // A Spring Boot fat jar loads plugins with its own class loader; make sure the TwelveMonkeys reader is known.
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    ImageIoJpegDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public ImageSize readSize(byte[] jpeg) {
        return withReader(jpeg, reader -> size(reader));
    }

    /** The reader's raster (3 bytes per pixel, or 4 for CMYK) and the RGB copy of it. */
    @Override
    public DecodeFootprint footprint(byte[] jpeg) {
        ImageSize size = readSize(jpeg);
        return new DecodeFootprint(size, 7L * size.width() * size.height());
    }

    @Override
    public RgbImage decode(byte[] jpeg) {
        return withReader(jpeg, reader -> {
            ImageSize size = size(reader);
            StringBuilder warnings = new StringBuilder();
            reader.addIIOReadWarningListener(collectFatal(warnings));
            ImageReadParam param = reader.getDefaultReadParam();
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw ApiError.UNDECODABLE_IMAGE.exception(warnings.toString());
            }
            if (image.getWidth() != size.width() || image.getHeight() != size.height()) {
                throw ApiError.UNDECODABLE_IMAGE.exception("decoded size differs from the frame header");
            }
            return toRgb(image);
        });
    }

    private ImageSize size(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw ApiError.UNDECODABLE_IMAGE.exception("frame header declares an empty image");
        }
        if ((long) width * height > maxPixels) {
            throw ApiError.TOO_MANY_PIXELS.exception(width, height, maxPixels);
        }
        return new ImageSize(width, height);
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(byte[] jpeg, ReaderWork<T> work) {
        ImageReader reader = twelveMonkeysReader();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(input, true, true);
            return work.apply(reader);
        } catch (ApiException e) {
            throw e;
        } catch (IIOException e) {
            throw ApiError.UNDECODABLE_IMAGE.exception(describe(e));
        } catch (IOException | RuntimeException e) {
            // Readers signal damaged data with a variety of runtime exceptions (index, array, state errors).
            throw ApiError.UNDECODABLE_IMAGE.exception(describe(e));
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader twelveMonkeysReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().startsWith(TWELVEMONKEYS_PACKAGE)) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no JPEG reader is registered with ImageIO");
        }
        throw new IllegalStateException("TwelveMonkeys JPEG reader is not registered; found only "
                + fallback.getClass().getName());
    }

    private static IIOReadWarningListener collectFatal(StringBuilder warnings) {
        return (source, warning) -> {
            String lower = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (FATAL_WARNINGS.stream().noneMatch(lower::contains)) {
                return;
            }
            if (!warnings.isEmpty()) {
                warnings.append("; ");
            }
            warnings.append(warning);
        };
    }

    private static String describe(Exception e) {
        return JpegDecoder.describe(e);
    }

    private static RgbImage toRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i] = bgr[i + 2];
                rgb[i + 1] = bgr[i + 1];
                rgb[i + 2] = bgr[i];
            }
        } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < gray.length; i++) {
                rgb[i * 3] = gray[i];
                rgb[i * 3 + 1] = gray[i];
                rgb[i * 3 + 2] = gray[i];
            }
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int p = row[x];
                    int i = (y * width + x) * 3;
                    rgb[i] = (byte) (p >> 16);
                    rgb[i + 1] = (byte) (p >> 8);
                    rgb[i + 2] = (byte) p;
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }
}

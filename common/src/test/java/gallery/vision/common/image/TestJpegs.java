package gallery.vision.common.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Generates the corpus of test inputs: JPEGs of every colour model and coding the service must read, and the
 * broken or foreign files it must refuse. Everything is made here, from code; nothing is copied from elsewhere.
 */
public final class TestJpegs {

    private TestJpegs() {
    }

    /** A colourful RGB scene: four coloured quadrants, so decoded colours can be checked per region. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(220, 30, 30));
            g.fillRect(0, 0, width / 2, height / 2);
            g.setColor(new Color(30, 200, 40));
            g.fillRect(width / 2, 0, width - width / 2, height / 2);
            g.setColor(new Color(30, 40, 210));
            g.fillRect(0, height / 2, width / 2, height - height / 2);
            g.setColor(new Color(240, 240, 240));
            g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A baseline JPEG of {@link #quadrants}. */
    public static byte[] baseline(int width, int height) {
        return encode(toBgr(quadrants(width, height)), false);
    }

    /** A progressive JPEG of {@link #quadrants}. */
    public static byte[] progressive(int width, int height) {
        return encode(toBgr(quadrants(width, height)), true);
    }

    /** A single-channel (grayscale) JPEG with a horizontal ramp from black to white. */
    public static byte[] grayscale(int width, int height) {
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = gray.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, x * 255 / Math.max(1, width - 1));
            }
        }
        return encode(gray, false);
    }

    /**
     * A CMYK JPEG as Adobe applications write them (Adobe APP14 marker, transform 0, inverted values): left half
     * pure cyan, right half pure yellow.
     */
    public static byte[] cmyk(int width, int height) {
        return adobeFourChannel(width, height, false);
    }

    /**
     * The same picture as {@link #cmyk}, coded as YCCK (Adobe transform 2): as libjpeg does, the stored C, M, Y
     * values are complemented, taken as R, G, B and converted to YCbCr; K is kept.
     */
    public static byte[] ycck(int width, int height) {
        return adobeFourChannel(width, height, true);
    }

    private static byte[] adobeFourChannel(int width, int height, boolean ycck) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        // Inverted (Adobe) values: 0 means full ink. Cyan = full C; yellow = full Y; no K.
        int[] cyan = {0, 255, 255, 255};
        int[] yellow = {255, 255, 0, 255};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = x < width / 2 ? cyan : yellow;
                raster.setPixel(x, y, ycck ? toYcck(cmyk) : cmyk);
            }
        }
        return withAdobeMarker(encodeRaster(raster), ycck ? 2 : 0);
    }

    private static int[] toYcck(int[] cmyk) {
        double r = 255 - cmyk[0];
        double g = 255 - cmyk[1];
        double b = 255 - cmyk[2];
        int luma = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        int cb = (int) Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
        int cr = (int) Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
        return new int[]{clamp(luma), clamp(cb), clamp(cr), cmyk[3]};
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** Inserts an Adobe APP14 segment (version 100, the given colour transform) right after SOI. */
    private static byte[] withAdobeMarker(byte[] jpeg, int transform) {
        byte[] segment = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A JPEG whose frame header has been patched to declare the given size; its scan data stay small. */
    public static byte[] withDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] patched = Arrays.copyOf(jpeg, jpeg.length);
        int sof = findStartOfFrame(patched);
        // SOFn: FF Cn, length (2), precision (1), height (2), width (2)
        patched[sof + 5] = (byte) (height >> 8);
        patched[sof + 6] = (byte) height;
        patched[sof + 7] = (byte) (width >> 8);
        patched[sof + 8] = (byte) width;
        return patched;
    }

    /** The first {@code fraction} of the file: a JPEG cut off in its scan data. */
    public static byte[] truncated(byte[] jpeg, double fraction) {
        return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
    }

    public static byte[] png(int width, int height) {
        return write(quadrants(width, height), "png");
    }

    public static byte[] gif(int width, int height) {
        return write(quadrants(width, height), "gif");
    }

    public static byte[] text() {
        return "this is not an image\n".getBytes(StandardCharsets.UTF_8);
    }

    private static int findStartOfFrame(byte[] jpeg) {
        int i = 2;
        while (i + 3 < jpeg.length) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                throw new IllegalArgumentException("not at a marker at offset " + i);
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return i;
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            i += 2 + length;
        }
        throw new IllegalArgumentException("no SOF marker");
    }

    private static BufferedImage toBgr(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }

    private static byte[] encode(BufferedImage image, boolean progressive) {
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            return writeWith(writer, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] encodeRaster(Raster raster) {
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            return writeWith(writer, new IIOImage(raster, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] writeWith(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer is missing");
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

}

package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Encodes as baseline JPEG at the given quality (ImageIO's first JPEG writer, 4:2:0, no metadata) and decodes the
 * result with {@link JpegDecoder}: the artefacts a heavily compressed copy of a photo has. Deterministic for one JDK.
 */
public final class JpegRecompression implements ImageTransform {

    private final int quality;
    private final JpegDecoder decoder = new JpegDecoder(Long.MAX_VALUE);

    public JpegRecompression(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100: " + quality);
        }
        this.quality = quality;
    }

    @Override
    public String name() {
        return "JPEG quality " + quality;
    }

    @Override
    public RgbImage apply(RgbImage image) {
        return decoder.decode(encode(image, quality));
    }

    /** Baseline JPEG bytes of {@code image} at {@code quality} (1..100). */
    public static byte[] encode(RgbImage image, int quality) {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) buffered.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer is registered with ImageIO");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(buffered, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

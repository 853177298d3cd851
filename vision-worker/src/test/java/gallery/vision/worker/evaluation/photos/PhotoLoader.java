package gallery.vision.worker.evaluation.photos;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.transform.AreaResize;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads an evaluation photo as the service would see it: JPEGs with {@link JpegDecoder} (the service's decoder),
 * anything else (a few PNGs) with ImageIO (alpha dropped), then shrunk by area averaging so that the longer side is at most
 * {@code maxSide} (Home Gallery posts previews of at most 800 px). Thread-safe.
 */
public final class PhotoLoader {

    private final JpegDecoder decoder = new JpegDecoder(200_000_000L);
    private final int maxSide;

    public PhotoLoader(int maxSide) {
        this.maxSide = maxSide;
    }

    public RgbImage load(EvalPhoto photo) {
        return AreaResize.fitWithin(loadFullSize(photo.file()), maxSide);
    }

    /** The photo at its stored size (label boxes are in these pixels). */
    public RgbImage loadFullSize(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (isJpeg(bytes)) {
                return decoder.decode(bytes);
            }
            // By content, not name: one package ships a PNG named .jpg.
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException(file + " is neither JPEG nor an image ImageIO reads");
            }
            return fromBuffered(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (run tools/eval-photos/fetch.sh)", e);
        }
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
    }

    private static RgbImage fromBuffered(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (row[x] >> 16);
                rgb[i + 1] = (byte) (row[x] >> 8);
                rgb[i + 2] = (byte) row[x];
            }
        }
        return new RgbImage(width, height, rgb);
    }
}

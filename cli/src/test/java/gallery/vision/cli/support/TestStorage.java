package gallery.vision.cli.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Builds Home Gallery storage layouts and JPEGs in a test's temporary directory. */
public final class TestStorage {

    private TestStorage() {
    }

    /** A small JPEG of random coloured blocks: different bytes on every call. */
    public static byte[] jpeg(int width, int height) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x < width; x += 8) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.fillRect(x, y, 8, 8);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A random 40-hex entry id. */
    public static String entryId() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The path of an entry's file with this suffix: {@code ab/cd/<rest>-<suffix>}. */
    public static Path file(Path storage, String id, String suffix) {
        return storage.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id.substring(4) + "-" + suffix);
    }

    /** Writes a file of an entry, creating its directories. */
    public static Path write(Path storage, String id, String suffix, byte[] content) throws IOException {
        Path file = file(storage, id, suffix);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /** An image entry with previews of 128, 320 and 800 px (and 1280, never to be sent); returns its 800 preview. */
    public static Path imageEntry(Path storage, String id) throws IOException {
        write(storage, id, "image-preview-1280.jpg", jpeg(64, 48));
        write(storage, id, "image-preview-128.jpg", jpeg(16, 12));
        write(storage, id, "image-preview-320.jpg", jpeg(32, 24));
        return write(storage, id, "image-preview-800.jpg", jpeg(48, 36));
    }
}

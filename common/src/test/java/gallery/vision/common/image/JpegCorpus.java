package gallery.vision.common.image;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The corpus the jpeg-js parity test runs on: JPEGs of every coding the decoder must match jpeg-js on (baseline and
 * progressive; 4:4:4, 4:2:2, 4:2:0, 4:4:0; sizes that are and are not multiples of the MCU; several qualities;
 * restart intervals; grayscale; Adobe RGB, CMYK and YCCK), made by the JDK's JPEG writer from a synthetic,
 * photo-like scene (smooth gradients, hard edges, fine texture, noise seeded by the size, so two recipes of one size
 * code the same pixels).
 *
 * <p>{@code main} writes the files to {@code common/src/test/resources/jpegjs/corpus/}; they are committed, so the
 * fixtures that {@code tools/jpegjs-reference} computes from them stay valid whatever JDK runs the tests. Rerun:
 * {@code mvn -B -q -o -pl common test-compile && java -cp common/target/test-classes:common/target/classes
 * gallery.vision.common.image.JpegCorpus common/src/test/resources/jpegjs/corpus}.
 */
public final class JpegCorpus {

    /** How one corpus file is made. */
    record Recipe(String name, int width, int height, int quality, int[] lumaSampling, boolean progressive,
                  int restartInterval, Kind kind) {
    }

    enum Kind { YCBCR, GRAY, ADOBE_RGB, CMYK, YCCK }

    private static final int[] S444 = {1, 1};
    private static final int[] S422 = {2, 1};
    private static final int[] S420 = {2, 2};
    private static final int[] S440 = {1, 2};

    private JpegCorpus() {
    }

    static List<Recipe> recipes() {
        List<Recipe> r = new ArrayList<>();
        r.add(new Recipe("ycc420-q75-64x48", 64, 48, 75, S420, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-q90-333x211", 333, 211, 90, S420, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-q50-37x23", 37, 23, 50, S420, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-q95-800x533", 800, 533, 95, S420, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc422-q85-201x150", 201, 150, 85, S422, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc422-q60-64x64", 64, 64, 60, S422, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc444-q92-150x101", 150, 101, 92, S444, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc444-q100-40x40", 40, 40, 100, S444, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc440-q80-99x77", 99, 77, 80, S440, false, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-prog-q85-301x199", 301, 199, 85, S420, true, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-prog-q95-640x427", 640, 427, 95, S420, true, 0, Kind.YCBCR));
        r.add(new Recipe("ycc444-prog-q75-97x65", 97, 65, 75, S444, true, 0, Kind.YCBCR));
        r.add(new Recipe("ycc422-prog-q90-130x90", 130, 90, 90, S422, true, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-rst1-q80-120x80", 120, 80, 80, S420, false, 1, Kind.YCBCR));
        r.add(new Recipe("ycc420-rst7-q80-203x101", 203, 101, 80, S420, false, 7, Kind.YCBCR));
        r.add(new Recipe("ycc444-rst4-q90-64x40", 64, 40, 90, S444, false, 4, Kind.YCBCR));
        r.add(new Recipe("ycc420-prog-q85-150x100", 150, 100, 85, S420, true, 0, Kind.YCBCR));
        r.add(new Recipe("ycc420-prog-rst3-q85-150x100", 150, 100, 85, S420, true, 3, Kind.YCBCR));
        r.add(new Recipe("gray-q85-173x97", 173, 97, 85, S444, false, 0, Kind.GRAY));
        r.add(new Recipe("gray-prog-q75-90x61", 90, 61, 75, S444, true, 0, Kind.GRAY));
        r.add(new Recipe("gray-rst5-q90-80x64", 80, 64, 90, S444, false, 5, Kind.GRAY));
        r.add(new Recipe("adobe-rgb-q90-60x40", 60, 40, 90, S444, false, 0, Kind.ADOBE_RGB));
        r.add(new Recipe("cmyk-q90-93x61", 93, 61, 90, S444, false, 0, Kind.CMYK));
        r.add(new Recipe("ycck-q90-93x61", 93, 61, 90, S444, false, 0, Kind.YCCK));
        r.add(new Recipe("ycck-q75-48x32", 48, 32, 75, S444, false, 0, Kind.YCCK));
        return r;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "common/src/test/resources/jpegjs/corpus");
        Files.createDirectories(dir);
        for (Recipe recipe : recipes()) {
            byte[] jpeg = encode(recipe);
            Files.write(dir.resolve(recipe.name() + ".jpg"), jpeg);
            System.out.printf("%-32s %7d bytes%n", recipe.name(), jpeg.length);
        }
    }

    /** The photo-like scene as 8-bit RGB: gradients, a disc, stripes, fine texture and noise. */
    static int[] scene(int width, int height, int x, int y, SplittableRandom noise) {
        double u = (double) x / width;
        double v = (double) y / height;
        double r = 40 + 180 * u;
        double g = 30 + 170 * v;
        double b = 200 - 150 * u * v;
        double dx = u - 0.62;
        double dy = v - 0.45;
        if (dx * dx + dy * dy < 0.05) {
            r = 235;
            g = 190 - 60 * v;
            b = 40;
        }
        if (u < 0.3 && ((x / 3) & 1) == 0) {
            r *= 0.55;
            g *= 0.7;
        }
        double texture = 18 * Math.sin(x * 0.9) * Math.cos(y * 0.7);
        double grain = noise.nextInt(-12, 13);
        return new int[]{clamp(r + texture + grain), clamp(g + texture * 0.5 + grain), clamp(b - texture + grain)};
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    static byte[] encode(Recipe recipe) {
        SplittableRandom noise = new SplittableRandom(31L * recipe.width() + recipe.height());
        int w = recipe.width();
        int h = recipe.height();
        return switch (recipe.kind()) {
            case YCBCR, ADOBE_RGB -> {
                BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int[] p = scene(w, h, x, y, noise);
                        image.setRGB(x, y, (p[0] << 16) | (p[1] << 8) | p[2]);
                    }
                }
                byte[] jpeg = write(new IIOImage(image, null, null), ImageTypeSpecifier.createFromRenderedImage(image),
                        recipe);
                yield recipe.kind() == Kind.ADOBE_RGB ? withAdobeMarker(jpeg, 0) : jpeg;
            }
            case GRAY -> {
                BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                WritableRaster raster = image.getRaster();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int[] p = scene(w, h, x, y, noise);
                        raster.setSample(x, y, 0, (p[0] * 3 + p[1] * 5 + p[2] * 2) / 10);
                    }
                }
                yield write(new IIOImage(image, null, null), ImageTypeSpecifier.createFromRenderedImage(image), recipe);
            }
            case CMYK, YCCK -> {
                WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int[] p = scene(w, h, x, y, noise);
                        // Adobe (inverted) CMYK: 255 = no ink. K takes the common part of the three inks.
                        int k = Math.min(255 - p[0], Math.min(255 - p[1], 255 - p[2])) / 2;
                        int[] inverted = {p[0] + k, p[1] + k, p[2] + k, 255 - k};
                        for (int i = 0; i < 3; i++) {
                            inverted[i] = Math.min(255, inverted[i]);
                        }
                        raster.setPixel(x, y, recipe.kind() == Kind.YCCK ? toYcck(inverted) : inverted);
                    }
                }
                yield withAdobeMarker(write(new IIOImage(raster, null, null), null, recipe),
                        recipe.kind() == Kind.YCCK ? 2 : 0);
            }
        };
    }

    /** libjpeg's YCCK: the inverted C, M, Y taken as R, G, B and converted to YCbCr; K kept. */
    private static int[] toYcck(int[] inverted) {
        double r = inverted[0];
        double g = inverted[1];
        double b = inverted[2];
        return new int[]{clamp(0.299 * r + 0.587 * g + 0.114 * b), clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128),
                clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128), inverted[3]};
    }

    private static byte[] write(IIOImage image, ImageTypeSpecifier type, Recipe recipe) {
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(recipe.quality() / 100f);
            if (recipe.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            if (type != null) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
                adjust(metadata, recipe);
                image.setMetadata(metadata);
            } else if (recipe.restartInterval() > 0) {
                throw new IllegalArgumentException("restart intervals need an image type");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, image, param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Sets the luma sampling factors (chroma stays 1x1) and the restart interval in the writer's metadata tree. */
    private static void adjust(IIOMetadata metadata, Recipe recipe) throws IIOInvalidTreeException {
        String format = "javax_imageio_jpeg_image_1.0";
        Element root = (Element) metadata.getAsTree(format);
        NodeList specs = root.getElementsByTagName("componentSpec");
        if (specs.getLength() > 0) {
            Element luma = (Element) specs.item(0);
            luma.setAttribute("HsamplingFactor", Integer.toString(recipe.lumaSampling()[0]));
            luma.setAttribute("VsamplingFactor", Integer.toString(recipe.lumaSampling()[1]));
            for (int i = 1; i < specs.getLength(); i++) {
                ((Element) specs.item(i)).setAttribute("HsamplingFactor", "1");
                ((Element) specs.item(i)).setAttribute("VsamplingFactor", "1");
            }
        }
        if (recipe.restartInterval() > 0) {
            Node markers = root.getElementsByTagName("markerSequence").item(0);
            Element dri = new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(recipe.restartInterval()));
            markers.insertBefore(dri, markers.getFirstChild());
        }
        metadata.setFromTree(format, root);
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
}

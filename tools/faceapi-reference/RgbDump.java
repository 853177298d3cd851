import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.common.image.RgbImage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dev tool (not part of the build): decodes the parity images with OUR {@link JpegDecoder} and writes their raw RGB
 * pixels, so the tfjs reference sees exactly the pixels the Java pipeline sees.
 *
 * <p>Usage: {@code java -cp <common classes + TwelveMonkeys jars> RgbDump.java images.txt <seedDir> <demoDir> <outDir>}
 *
 * <p>Each non-comment line of {@code images.txt} is {@code name source [crop x y w h] [scale w h]} where source is
 * {@code seed:<file>} or {@code demo:<file>}. A derived image is the crop rectangle of the decoded source (default:
 * the whole image) resampled by nearest neighbour to the scale size (default: the crop size):
 * {@code srcX = cropX + floor((2*dstX + 1) * cropW / (2*scaleW))}, the same for y. Writes {@code <outDir>/<name>.rgb}
 * (interleaved RGB bytes) and {@code <outDir>/index.tsv} ({@code name width height rgbSha1}).
 */
public final class RgbDump {

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: RgbDump images.txt seedDir demoDir outDir");
        }
        Path seedDir = Path.of(args[1]);
        Path demoDir = Path.of(args[2]);
        Path outDir = Files.createDirectories(Path.of(args[3]));
        JpegDecoder decoder = new JpegDecoder(100_000_000L, JpegDecoding.IMAGEIO);
        List<String> index = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split("\\s+");
            String name = f[0];
            String source = f[1];
            Path file = source.startsWith("seed:") ? seedDir.resolve(source.substring(5))
                    : source.startsWith("demo:") ? demoDir.resolve(source.substring(5))
                    : null;
            if (file == null) {
                throw new IllegalArgumentException("unknown source " + source);
            }
            RgbImage image = decoder.decode(Files.readAllBytes(file));
            int cx = 0;
            int cy = 0;
            int cw = image.width();
            int ch = image.height();
            int i = 2;
            if (i < f.length && f[i].equals("crop")) {
                cx = Integer.parseInt(f[i + 1]);
                cy = Integer.parseInt(f[i + 2]);
                cw = Integer.parseInt(f[i + 3]);
                ch = Integer.parseInt(f[i + 4]);
                i += 5;
            }
            int sw = cw;
            int sh = ch;
            if (i < f.length && f[i].equals("scale")) {
                sw = Integer.parseInt(f[i + 1]);
                sh = Integer.parseInt(f[i + 2]);
                i += 3;
            }
            if (i != f.length) {
                throw new IllegalArgumentException("cannot parse: " + line);
            }
            RgbImage derived = derive(image, cx, cy, cw, ch, sw, sh);
            Files.write(outDir.resolve(name + ".rgb"), derived.rgb());
            index.add(name + "\t" + derived.width() + "\t" + derived.height() + "\t" + Sha1.hex(derived.rgb()));
            System.out.println(name + " " + derived.width() + "x" + derived.height());
        }
        Files.write(outDir.resolve("index.tsv"), index, StandardCharsets.UTF_8);
    }

    static RgbImage derive(RgbImage src, int cx, int cy, int cw, int ch, int sw, int sh) {
        if (cx < 0 || cy < 0 || cw <= 0 || ch <= 0 || cx + cw > src.width() || cy + ch > src.height()) {
            throw new IllegalArgumentException("crop outside the image");
        }
        byte[] out = new byte[sw * sh * 3];
        for (int y = 0; y < sh; y++) {
            int sy = cy + (int) ((2L * y + 1) * ch / (2L * sh));
            for (int x = 0; x < sw; x++) {
                int sx = cx + (int) ((2L * x + 1) * cw / (2L * sw));
                System.arraycopy(src.rgb(), (sy * src.width() + sx) * 3, out, (y * sw + x) * 3, 3);
            }
        }
        return new RgbImage(sw, sh, out);
    }
}

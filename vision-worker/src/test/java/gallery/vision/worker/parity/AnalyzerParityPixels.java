package gallery.vision.worker.parity;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.models.TestModels;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dev tool (not a test): writes the decoded pixels of face-api demo photos as the service decodes them, for
 * {@code tools/tfjs-reference/analyzers.js}, which runs the original networks on tfjs from exactly these pixels.
 * File format: width and height as big-endian int32, then interleaved RGB bytes. Usage (repository root):
 * <pre>
 * java -cp "vision-worker test classpath" gallery.vision.worker.parity.AnalyzerParityPixels \
 *     vision-worker/target/analyzer-parity sample1.jpg sample3.jpg
 * </pre>
 */
public final class AnalyzerParityPixels {

    private AnalyzerParityPixels() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int i = 1; i < args.length; i++) {
            RgbImage image = TestModels.demoPhoto(args[i]);
            ByteBuffer header = ByteBuffer.allocate(8).putInt(image.width()).putInt(image.height());
            Path file = out.resolve(args[i].replaceFirst("\\.jpg$", "") + ".rgb");
            Files.write(file, concat(header.array(), image.rgb()));
            System.out.println("wrote " + file + " (" + image.width() + "x" + image.height() + ")");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package gallery.vision.common.image;

import static gallery.vision.common.testing.JpegComments.withComment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding speed of both {@link JpegDecoding}s (a benchmark main, not a test). Every decode gets distinct bytes: each
 * copy of an input carries its own COM segment. Prints wall-clock median and 90th percentile, and the
 * median CPU time of the decoding thread (steadier on a busy machine), per input and decoder.
 *
 * <pre>
 * mvn -B -q -o -pl common test-compile
 * java -cp common/target/test-classes:common/target/classes:$(cat /tmp/cp.txt) \
 *     gallery.vision.common.image.JpegDecoderBenchmark [rounds] [extra.jpg ...]
 * </pre>
 * ({@code /tmp/cp.txt} from {@code mvn -pl common dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}, for
 * the TwelveMonkeys jars.) Without arguments it decodes the corpus's 800x533 baseline 4:2:0 and 640x427 progressive
 * 4:2:0 files.
 */
public final class JpegDecoderBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JpegDecoderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> names = new ArrayList<>();
        List<byte[]> inputs = new ArrayList<>();
        for (String corpus : List.of("ycc420-q95-800x533", "ycc420-prog-q95-640x427")) {
            try (InputStream in = JpegDecoderBenchmark.class.getResourceAsStream("/jpegjs/corpus/" + corpus + ".jpg")) {
                names.add(corpus);
                inputs.add(in.readAllBytes());
            }
        }
        for (String extra : Arrays.asList(args).subList(Math.min(1, args.length), args.length)) {
            names.add(Path.of(extra).getFileName().toString());
            inputs.add(Files.readAllBytes(Path.of(extra)));
        }
        for (int warm = 0; warm < 30; warm++) { // let the JIT compile every path before anything is measured
            for (byte[] input : inputs) {
                for (JpegDecoding decoding : JpegDecoding.values()) {
                    new JpegDecoder(200_000_000L, decoding).decode(withComment(input, "warm-up " + warm));
                }
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            byte[][] copies = new byte[rounds][];
            for (int r = 0; r < rounds; r++) {
                copies[r] = withComment(inputs.get(i), "benchmark copy " + r);
            }
            for (JpegDecoding decoding : JpegDecoding.values()) {
                JpegDecoder decoder = new JpegDecoder(200_000_000L, decoding);
                RgbImage image = decoder.decode(copies[0]);
                long[] nanos = new long[rounds];
                long[] cpu = new long[rounds];
                for (int r = 0; r < rounds; r++) {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    decoder.decode(copies[r]);
                    nanos[r] = System.nanoTime() - start;
                    cpu[r] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpu);
                System.out.printf("%-28s %5dx%-5d %-8s wall median %6.2f ms p90 %6.2f ms | thread CPU median %6.2f ms"
                                + " (%d runs)%n", names.get(i), image.width(), image.height(), decoding,
                        nanos[rounds / 2] / 1e6, nanos[rounds * 9 / 10] / 1e6, cpu[rounds / 2] / 1e6, rounds);
            }
        }
    }
}

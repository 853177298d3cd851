package gallery.vision.worker.portability;

import com.sun.management.HotSpotDiagnosticMXBean;
import gallery.vision.common.AnalysisKind;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.djl.DjlPrivacy;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the worker's three analyses on JPEG files and writes their answers' {@code data} as one JSON document, with
 * the JVM and CPU architecture that computed them: the entry point of {@code scripts/portability.sh}, which runs it
 * natively and under QEMU (x86-64 without AVX, ARM64) and compares the documents with {@link AnswerComparison}.
 *
 * <p>Everything is the worker's own: the analyzers and the JPEG decoder come from {@link WorkerCoreConfiguration}
 * with the installed models ({@code MODEL_DIR} or the packaged ones), started without web server or broker. A model
 * that is not installed fails the run, as nothing may stand in for it.
 *
 * <pre>java -cp vision-worker.jar -Dloader.main=gallery.vision.worker.portability.AnalyzeCommand \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --out answers.json photo.jpg...</pre>
 *
 * Prints one {@code analyze:} line per image and analysis with its time. Not thread-safe; runs once per process.
 */
public final class AnalyzeCommand {

    private AnalyzeCommand() {
    }

    /**
     * The worker core without web server, broker or component scan. Not a {@code @Configuration}, so scanning
     * applications never pick it up.
     */
    @ImportAutoConfiguration(JacksonAutoConfiguration.class)
    @Import(WorkerCoreConfiguration.class)
    static final class WorkerCore {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                usage("unknown option " + args[i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (out == null || files.isEmpty()) {
            usage("an output file and at least one JPEG are needed");
        }
        DjlPrivacy.ensure();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerCore.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                // The worker's own settings file (not its distributed profile); lazy, so that only the analyzers and
                // the decoder are built (no answer store, no directory written).
                .properties(Map.of("spring.config.name", "vision-worker", "spring.main.lazy-initialization", "true"))
                .run()) {
            JsonMapper json = context.getBean(JsonMapper.class);
            AnalyzerRegistry analyzers = context.getBean(AnalyzerRegistry.class);
            JpegDecoder decoder = context.getBean(JpegDecoder.class);
            System.out.printf(Locale.ROOT, "analyze: %s; worker and models loaded in %d ms%n", runtime(),
                    (System.nanoTime() - started) / 1_000_000);
            ObjectNode document = json.createObjectNode();
            document.put("runtime", runtime());
            var images = document.putArray("images");
            for (Path file : files) {
                images.add(analyze(file, decoder, analyzers, json));
            }
            json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), document);
        }
    }

    private static ObjectNode analyze(Path file, JpegDecoder decoder, AnalyzerRegistry analyzers, JsonMapper json)
            throws IOException {
        byte[] jpeg = Files.readAllBytes(file);
        RgbImage image = decoder.decode(jpeg);
        ObjectNode result = json.createObjectNode();
        result.put("file", file.getFileName().toString());
        result.put("sha1", Sha1.hex(jpeg));
        result.put("width", image.width());
        result.put("height", image.height());
        for (AnalysisKind kind : AnalysisKind.values()) {
            InstalledAnalyzer installed = analyzers.require(kind);
            long started = System.nanoTime();
            Object data = installed.analyzer().analyze(image);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(Locale.ROOT, "analyze: %s %s (%dx%d): %d ms%n", kind.path(), file.getFileName(),
                    image.width(), image.height(), millis);
            ObjectNode answer = result.putObject(kind.path());
            answer.put("model", installed.model().name() + " " + installed.model().version());
            answer.put("millis", millis);
            answer.set("data", json.valueToTree(data));
        }
        return result;
    }

    /** Java version, CPU architecture and, on x86-64, the AVX level HotSpot chose for this CPU. */
    static String runtime() {
        String avx;
        try {
            avx = ", UseAVX=" + ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseAVX").getValue();
        } catch (IllegalArgumentException notX86) {
            avx = "";
        }
        return "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor")
                + ") on " + System.getProperty("os.arch") + avx;
    }

    private static void usage(String problem) {
        System.err.println("analyze: " + problem + "\nusage: AnalyzeCommand --out FILE.json JPEG...");
        System.exit(2);
    }
}

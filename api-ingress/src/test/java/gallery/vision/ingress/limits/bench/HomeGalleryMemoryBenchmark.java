package gallery.vision.ingress.limits.bench;

import gallery.vision.common.testing.JpegComments;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Peak resident size of the embedded ingress (the built jar, every model it ships) under Home Gallery's load: 30
 * requests in flight, the three routes mixed (/faces, /objects, /embeddings in turn), every request a distinct
 * 800 px preview (photos from a directory scaled to 800 px on the longer side, each sent with its own JPEG comment,
 * so no stored answer helps). Prints the resident size when idle, the peak sampled every 50 ms, the kernel's VmHWM,
 * threads, the answers by status; and, when the settings turn Native Memory Tracking on (for example
 * {@code JAVA_TOOL_OPTIONS=-XX:NativeMemoryTracking=summary}), {@code jcmd VM.native_memory summary} at the peak of
 * the load and the heap's state from {@code jcmd GC.heap_info}.
 *
 * <pre>java -cp api-ingress/target/test-classes:common/target/test-classes \
 *     gallery.vision.ingress.limits.bench.HomeGalleryMemoryBenchmark api-ingress/target/api-ingress.jar PHOTO_DIR \
 *     [seconds=120] [inFlight=30] [NAME=value settings...]</pre>
 */
public final class HomeGalleryMemoryBenchmark {

    private static final String[] ROUTES = {"/faces", "/objects", "/embeddings"};
    private static final AtomicLong SERIAL = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        List<byte[]> previews = previews(Path.of(args[1]));
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Map<String, String> settings = new HashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        System.out.printf("%d previews, %d s, %d in flight, settings %s%n", previews.size(), seconds, inFlight, settings);
        try (IngressProcess ingress = new IngressProcess(jar, settings)) {
            IngressProcess.Stats idle = ingress.stats();
            System.out.printf("idle after start: RSS %d MiB, threads %d%n", idle.rssKib() / 1024, idle.threads());
            IngressProcess.RssPeak peak = ingress.samplePeak(50);
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < inFlight; c++) {
                Thread client = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long n = SERIAL.getAndIncrement();
                        String route = ROUTES[(int) (n % ROUTES.length)];
                        byte[] body = JpegComments.withComment(previews.get((int) (n % previews.size())), "memory " + n);
                        long started = System.nanoTime();
                        String key;
                        try {
                            key = route + " " + ingress.http.send(ingress.post(route, body),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                            millis.add((System.nanoTime() - started) / 1_000_000);
                        } catch (Exception e) {
                            key = route + " " + e.getClass().getSimpleName();
                        }
                        answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    }
                });
                client.start();
                clients.add(client);
            }
            String nmt = null;
            long nmtAt = System.nanoTime() + seconds * 800_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(10_000);
                IngressProcess.Stats now = ingress.stats();
                System.out.printf("RSS %d MiB (peak so far %d), threads %d, answers %s%n", now.rssKib() / 1024,
                        peak.kib() / 1024, now.threads(), new TreeMap<>(answers));
                if (nmt == null && System.nanoTime() > nmtAt && settings.toString().contains("NativeMemoryTracking")) {
                    nmt = jcmd(ingress.pid(), "VM.native_memory", "summary") + jcmd(ingress.pid(), "GC.heap_info");
                }
            }
            for (Thread client : clients) {
                client.join();
            }
            long peakKib = peak.stop();
            IngressProcess.Stats after = ingress.stats();
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("answers %s%n", new TreeMap<>(answers));
            if (!sorted.isEmpty()) {
                System.out.printf("latency p50 %d ms, p90 %d ms, max %d ms over %d answers (%.2f req/s)%n",
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10), sorted.get(sorted.size() - 1),
                        sorted.size(), sorted.size() / (double) seconds);
            }
            System.out.printf("idle RSS %d MiB; peak sampled RSS %d MiB; VmHWM %d MiB; RSS after %d MiB; threads %d%n",
                    idle.rssKib() / 1024, peakKib / 1024, after.peakRssKib() / 1024, after.rssKib() / 1024,
                    after.threads());
            if (nmt != null) {
                System.out.println(nmt);
            }
        }
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }

    /** Every JPEG of the directory scaled to 800 px on its longer side, as Home Gallery's previews are. */
    static List<byte[]> previews(Path directory) throws IOException {
        List<byte[]> previews = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().matches("(?i).*\\.jpe?g")).sorted().toList()) {
                BufferedImage photo = ImageIO.read(file.toFile());
                if (photo == null) {
                    continue;
                }
                double scale = Math.min(1, 800.0 / Math.max(photo.getWidth(), photo.getHeight()));
                int width = (int) Math.round(photo.getWidth() * scale);
                int height = (int) Math.round(photo.getHeight() * scale);
                BufferedImage preview = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = preview.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(photo, 0, 0, width, height, null);
                g.dispose();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(preview, "jpeg", out);
                previews.add(out.toByteArray());
            }
        }
        if (previews.isEmpty()) {
            throw new IllegalArgumentException("no JPEG in " + directory);
        }
        return previews;
    }
}

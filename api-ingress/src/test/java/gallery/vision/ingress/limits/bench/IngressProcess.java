package gallery.vision.ingress.limits.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The built ingress jar as a child process for benchmarks: default settings unless given, a free loopback port, a
 * fresh {@code DATA_DIR} under /tmp, the metrics endpoint exposed (for the queue gauge), and its resident size,
 * threads and open files read from /proc. Only JDK classes, so benchmarks run with {@code -cp target/test-classes}.
 */
final class IngressProcess implements AutoCloseable {

    /** One reading of the process: resident and peak resident KiB, threads, open file descriptors. */
    record Stats(long rssKib, long peakRssKib, long threads, long openFiles) {
    }

    private final Process process;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IngressProcess(Path jar, Map<String, String> settings) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("ingress-bench", ".log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("DATA_DIR", Files.createTempDirectory("ingress-bench-data").toString());
        builder.environment().put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,metrics");
        builder.environment().putAll(settings);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        close();
        throw new IllegalStateException("ingress did not start");
    }

    /** Starts sampling VmRSS every {@code millis} on a thread of its own, until {@link RssPeak#stop()}. */
    RssPeak samplePeak(long millis) {
        return new RssPeak(this, millis);
    }

    /** The highest VmRSS seen by a sampling thread, in KiB. */
    static final class RssPeak {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private RssPeak(IngressProcess process, long millis) {
            sampler = new Thread(() -> {
                while (running) {
                    try {
                        peak.accumulateAndGet(process.stats().rssKib(), Math::max);
                        Thread.sleep(millis);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
        }

        long kib() {
            return peak.get();
        }

        /** Stops sampling and returns the peak. */
        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return peak.get();
        }
    }

    long pid() {
        return process.pid();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest post(String path, byte[] jpeg) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(300)).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
    }

    /** A gauge's value from the actuator, or -1. */
    double gauge(String name) {
        try {
            String body = get("/actuator/metrics/" + name).body();
            int at = body.indexOf("\"value\":");
            return at < 0 ? -1 : Double.parseDouble(body.substring(at + 8, body.indexOf('}', at)).trim());
        } catch (Exception e) {
            return -1;
        }
    }

    Stats stats() throws IOException {
        long pid = process.pid();
        long rss = 0;
        long peak = 0;
        long threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.substring(8).trim());
            }
        }
        long files;
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            files = fds.count();
        }
        return new Stats(rss, peak, threads, files);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

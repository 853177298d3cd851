package gallery.vision.ingress.limits.bench;

import gallery.vision.common.metrics.MetricNames;
import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak at twice the sustainable rate against the built jar (default settings): first the sustainable rate of
 * {@code route} is measured with {@code clients} closed-loop clients, then requests are sent open-loop at twice that
 * rate for {@code minutes}, every request a distinct 640x480 JPEG. Every {@code 10 s} it prints RSS, threads, open
 * files, the analysis queue's depth and the answers so far by status; "lost" counts answers that are neither 200 nor
 * 503 (timeouts, 5xx, broken connections).
 *
 * <pre>java -cp api-ingress/target/test-classes gallery.vision.ingress.limits.bench.OverloadSoakBenchmark \
 *     api-ingress/target/api-ingress.jar [route=/embeddings] [minutes=10] [calibrationSeconds=60] [clients=4]</pre>
 */
public final class OverloadSoakBenchmark {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String route = args.length > 1 ? args[1] : "/embeddings";
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        int calibration = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        try (IngressProcess ingress = new IngressProcess(jar, Map.of())) {
            double rate = sustainableRate(ingress, route, clients, calibration);
            double target = 2 * rate;
            System.out.printf("sustainable %.2f req/s with %d clients; soaking at %.2f req/s for %.1f min%n",
                    rate, clients, target, minutes);
            soak(ingress, route, target, Duration.ofSeconds(Math.round(minutes * 60)));
        }
    }

    private static double sustainableRate(IngressProcess ingress, String route, int clients, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger ok = new AtomicInteger();
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            threads[i] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (ingress.http.send(ingress.post(route, distinctJpeg()), HttpResponse.BodyHandlers.ofString())
                                .statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return ok.get() / (double) seconds;
    }

    private static void soak(IngressProcess ingress, String route, double rate, Duration duration) throws Exception {
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger outstanding = new AtomicInteger();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = Math.round(1_000_000 / rate);
        sender.scheduleAtFixedRate(() -> {
            outstanding.incrementAndGet();
            ingress.http.sendAsync(ingress.post(route, distinctJpeg()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        String key = failure != null ? "lost(" + failure.getClass().getSimpleName() + ")"
                                : response.statusCode() == 200 || response.statusCode() == 503
                                ? Integer.toString(response.statusCode()) : "lost(" + response.statusCode() + ")";
                        statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        outstanding.decrementAndGet();
                    });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        System.out.println("seconds | RSS MiB | threads | open files | queued | in flight | answers");
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(10_000);
            report(ingress, started, outstanding, statuses);
        }
        sender.shutdownNow();
        long drain = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < drain) {
            Thread.sleep(500);
        }
        System.out.println("after the flood stopped:");
        report(ingress, started, outstanding, statuses);
        int after = ingress.http.send(ingress.post(route, distinctJpeg()), HttpResponse.BodyHandlers.discarding()).statusCode();
        System.out.println("next request after the soak: " + after);
    }

    private static void report(IngressProcess ingress, long started, AtomicInteger outstanding,
                               Map<String, AtomicInteger> statuses) throws Exception {
        IngressProcess.Stats stats = ingress.stats();
        System.out.printf("%7d | %7d | %7d | %10d | %6.0f | %9d | %s%n", (System.nanoTime() - started) / 1_000_000_000,
                stats.rssKib() / 1024, stats.threads(), stats.openFiles(), ingress.gauge(MetricNames.JOBS_WAITING + "?tag=" + MetricNames.LANE + ":" + MetricNames.INTERACTIVE),
                outstanding.get(), new java.util.TreeMap<>(statuses));
    }

    /** A 640x480 JPEG that no earlier request sent: a seeded pattern plus the request's number written into it. */
    static byte[] distinctJpeg() {
        long n = SEQUENCE.incrementAndGet();
        Random random = new Random(n);
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(640), random.nextInt(480), 40 + random.nextInt(300), 40 + random.nextInt(300));
        }
        g.setColor(Color.WHITE);
        g.drawString("request " + n, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

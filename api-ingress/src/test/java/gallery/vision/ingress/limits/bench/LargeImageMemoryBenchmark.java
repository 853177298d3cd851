package gallery.vision.ingress.limits.bench;

import gallery.vision.common.metrics.MetricNames;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Resident size of the embedded ingress (the built jar, default settings) while it receives 8 distinct 7000x7000
 * JPEGs at once: peak VmRSS sampled every 20 ms and the kernel's VmHWM, plus every answer's status.
 *
 * <pre>java -cp api-ingress/target/test-classes gallery.vision.ingress.limits.bench.LargeImageMemoryBenchmark \
 *     api-ingress/target/api-ingress.jar [route=/faces] [images=8] [NAME=value settings...]</pre>
 */
public final class LargeImageMemoryBenchmark {

    private static final int SIDE = 7000;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String route = args.length > 1 ? args[1] : "/faces";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Map<String, String> settings = new java.util.HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(largeJpeg(i));
            System.out.printf("image %d: %dx%d, %d bytes%n", i, SIDE, SIDE, images.get(i).length);
        }
        try (IngressProcess ingress = new IngressProcess(jar, settings)) {
            IngressProcess.Stats idle = ingress.stats();
            System.out.printf("idle: RSS %d MiB, threads %d%n", idle.rssKib() / 1024, idle.threads());
            IngressProcess.RssPeak peak = ingress.samplePeak(20);
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> answers = images.stream()
                    .map(image -> ingress.http.sendAsync(ingress.post(route, image), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.join();
                System.out.printf("%d after %d ms %s%n", response.statusCode(), (System.nanoTime() - started) / 1_000_000,
                        response.headers().firstValue("Retry-After").map(s -> "Retry-After " + s).orElse(""));
            }
            long peakKib = peak.stop();
            IngressProcess.Stats after = ingress.stats();
            System.out.printf("peak sampled RSS %d MiB, VmHWM %d MiB, RSS after %d MiB, pixels in use after %.0f%n",
                    peakKib / 1024, after.peakRssKib() / 1024, after.rssKib() / 1024,
                    ingress.gauge(MetricNames.DECODE_PIXELS_IN_USE));
        }
    }

    /** A distinct 7000x7000 photo-like JPEG of roughly 750 KB: gradients and soft shapes, quality 80. */
    static byte[] largeJpeg(int seed) throws Exception {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt()), SIDE, SIDE, new Color(random.nextInt())));
        g.fillRect(0, 0, SIDE, SIDE);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120));
            int size = 50 + random.nextInt(900);
            g.fillOval(random.nextInt(SIDE), random.nextInt(SIDE), size, size);
        }
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.8f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

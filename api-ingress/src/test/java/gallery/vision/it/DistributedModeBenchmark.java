package gallery.vision.it;

import gallery.vision.ingress.ApiIngressApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * BENCHMARK, not a test: its class name keeps it out of the normal test run. Run it on purpose with
 * {@code mvn -pl api-ingress -am package -Dtest=DistributedModeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>It times sequential requests on loopback against an embedded-mode ingress and a distributed cluster (ingress,
 * two workers, real RabbitMQ, S3Proxy), both running the same trivial analyzer ({@link MeanColourTestDouble}), so
 * the difference is the cost of the distributed path itself: S3 upload and lookups, publish with confirm, worker
 * fetch and decode, answer upload, reply. Results go to stdout and {@code target/benchmark-distributed.txt}.
 */
class DistributedModeBenchmark {

    private static final int WARMUP = 40;
    private static final int ROUNDS = 200;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void measureDistributedOverheadAndCachedAnswers() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("images: " + WIDTH + "x" + HEIGHT + " JPEG (generated, ~" + TestJpegs.unique(WIDTH, HEIGHT).length / 1024
                + " KiB), sequential requests, " + WARMUP + " warm-up + " + ROUNDS + " measured");
        Path data = Files.createTempDirectory("embedded-bench");
        SpringApplication embeddedApp = new SpringApplication(ApiIngressApplication.class, MeanColourTestDouble.class);
        try (ConfigurableApplicationContext embedded = embeddedApp.run("--server.port=0", "--server.address=127.0.0.1",
                "--gallery.storage.data-dir=" + data)) {
            int port = Integer.parseInt(embedded.getEnvironment().getProperty("local.server.port"));
            report.add(measure("embedded    new image  ", port, i -> TestJpegs.unique(WIDTH, HEIGHT)));
            byte[] same = TestJpegs.unique(WIDTH, HEIGHT);
            report.add(measure("embedded    cached     ", port, i -> same));
        }
        try (DistributedCluster cluster = DistributedCluster.start(2, "--gallery.ingress.request-timeout=30s")) {
            int port = cluster.port();
            report.add(measure("distributed new image  ", port, i -> TestJpegs.unique(WIDTH, HEIGHT)));
            byte[] same = TestJpegs.unique(WIDTH, HEIGHT);
            report.add(measure("distributed cached     ", port, i -> same));
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark-distributed.txt"), report);
    }

    private String measure(String label, int port, IntFunction<byte[]> images) throws IOException, InterruptedException {
        for (int i = 0; i < WARMUP; i++) {
            post(port, images.apply(i));
        }
        byte[][] bodies = new byte[ROUNDS][];
        for (int i = 0; i < ROUNDS; i++) {
            bodies[i] = images.apply(i);
        }
        long[] micros = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            int status = post(port, bodies[i]);
            micros[i] = (System.nanoTime() - start) / 1000;
            if (status != 200) {
                throw new IllegalStateException(label + " answered " + status);
            }
        }
        Arrays.sort(micros);
        return String.format("%s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms", label,
                micros[ROUNDS / 2] / 1000.0, micros[ROUNDS * 9 / 10] / 1000.0, micros[ROUNDS * 99 / 100] / 1000.0);
    }

    private int post(int port, byte[] jpeg) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/faces"))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

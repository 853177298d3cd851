package gallery.vision.it;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.ingress.ApiIngressApplication;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
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
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * BENCHMARK, not a test: its class name keeps it out of the normal test run. Run it on purpose with
 * {@code mvn -pl api-ingress -am package -Dtest=DistributedModeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>It times sequential requests on loopback against an embedded-mode ingress and a distributed cluster (ingress,
 * two workers, real RabbitMQ, S3Proxy), both running the same trivial analyzer ({@link MeanColourTestDouble}, with
 * {@code MODEL_DIR} naming a manifest that lists no model), so the difference is the cost of the distributed path
 * itself: S3 lookups (and the image's upload beside the publish), publish with confirm, the worker's decode, reply,
 * answer upload. Each row also gives the CPU time per request of the processes on the path, which a loaded machine
 * does not inflate the way it does wall-clock times. Results go to stdout and {@code target/benchmark-distributed.txt}.
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
        report.add("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim()
                + ", cores: " + Runtime.getRuntime().availableProcessors());
        report.add("images: " + WIDTH + "x" + HEIGHT + " JPEG (generated, ~" + UniqueJpegs.unique(WIDTH, HEIGHT).length / 1024
                + " KiB), sequential requests, " + WARMUP + " warm-up + " + ROUNDS + " measured");
        Path data = Files.createTempDirectory("embedded-bench");
        String noModels = "--MODEL_DIR=" + NoModels.directory();
        String testDouble = "--" + MeanColourTestDouble.SWITCH + "=true";
        SpringApplication embeddedApp = new SpringApplication(ApiIngressApplication.class, MeanColourTestDouble.class);
        try (ConfigurableApplicationContext embedded = embeddedApp.run("--server.port=0", "--server.address=127.0.0.1",
                "--gallery.storage.data-dir=" + data, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                noModels, testDouble);
             DistributedCluster cluster = DistributedCluster.start(2, "--gallery.ingress.request-timeout=30s",
                     noModels, testDouble)) {
            int embeddedPort = Integer.parseInt(embedded.getEnvironment().getProperty("local.server.port"));
            int distributedPort = cluster.port();
            report.add(measure("embedded    new image  ", embeddedPort, i -> UniqueJpegs.unique(WIDTH, HEIGHT)));
            byte[] same = UniqueJpegs.unique(WIDTH, HEIGHT);
            report.add(measure("embedded    cached     ", embeddedPort, i -> same));
            report.add(measure("distributed new image  ", distributedPort, i -> UniqueJpegs.unique(WIDTH, HEIGHT)));
            byte[] sameAgain = UniqueJpegs.unique(WIDTH, HEIGHT);
            report.add(measure("distributed cached     ", distributedPort, i -> sameAgain));
            report.add(interleaved(embeddedPort, distributedPort));
            report.addAll(measureParts(cluster));
        }
        report.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
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
        CpuTimes before = CpuTimes.now();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            int status = post(port, bodies[i]);
            micros[i] = (System.nanoTime() - start) / 1000;
            if (status != 200) {
                throw new IllegalStateException(label + " answered " + status);
            }
        }
        return percentiles(label, micros) + "\n" + CpuTimes.now().perRequestSince(before, ROUNDS);
    }

    /**
     * CPU time used by the processes on the path, to tell what a request costs apart from the waiting a loaded
     * machine adds: this JVM (client, ingress, workers), its child processes (S3Proxy) and RabbitMQ's Erlang VM.
     */
    private record CpuTimes(long jvmNanos, long childrenNanos, long brokerNanos) {

        static CpuTimes now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long children = ProcessHandle.current().children().mapToLong(CpuTimes::cpuNanos).sum();
            long broker = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("beam.smp")).orElse(false))
                    .mapToLong(CpuTimes::cpuNanos).sum();
            return new CpuTimes(jvm, children, broker);
        }

        private static long cpuNanos(ProcessHandle process) {
            return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }

        String perRequestSince(CpuTimes start, int requests) {
            return String.format("    CPU per request: this JVM (client, ingress, workers) %.2f ms, S3Proxy %.2f ms,"
                            + " RabbitMQ %.2f ms", (jvmNanos - start.jvmNanos) / 1e6 / requests,
                    (childrenNanos - start.childrenNanos) / 1e6 / requests, (brokerNanos - start.brokerNanos) / 1e6 / requests);
        }
    }

    /**
     * The same new image posted to embedded and then to distributed mode, pair after pair, so that both see the same
     * machine load; reports percentiles of the per-pair difference (distributed minus embedded).
     */
    private String interleaved(int embeddedPort, int distributedPort) throws IOException, InterruptedException {
        long[] differences = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            byte[] jpeg = UniqueJpegs.unique(WIDTH, HEIGHT);
            long start = System.nanoTime();
            post(embeddedPort, jpeg);
            long embedded = System.nanoTime() - start;
            start = System.nanoTime();
            post(distributedPort, jpeg);
            long distributed = System.nanoTime() - start;
            differences[i] = (distributed - embedded) / 1000;
        }
        return percentiles("overhead, interleaved pairs", differences);
    }

    /** Round trips of the single operations a job is made of, on the same servers, to show where the time goes. */
    private List<String> measureParts(DistributedCluster cluster) throws Exception {
        List<String> parts = new ArrayList<>();
        BlobStore store = cluster.store();
        byte[] jpeg = UniqueJpegs.unique(WIDTH, HEIGHT);
        parts.add(time("part: S3 PUT (image)           ", i -> store.put("bench/" + i + ".jpg", jpeg)));
        parts.add(time("part: S3 GET (image)           ", i -> store.get("bench/" + Math.abs(i) + ".jpg")));
        parts.add(time("part: S3 GET (missing answer)  ", i -> store.get("bench/none/" + i)));
        parts.add(time("part: S3 HEAD (missing image)  ", i -> store.exists("bench/none/" + i)));
        JpegDecoder decoder = new JpegDecoder(50_000_000);
        parts.add(time("part: JPEG decode              ", i -> decoder.decode(jpeg)));
        CachingConnectionFactory connections = new CachingConnectionFactory(RabbitBroker.HOST, RabbitBroker.PORT);
        connections.setUsername(RabbitBroker.USER);
        connections.setPassword(RabbitBroker.PASSWORD);
        connections.setVirtualHost(cluster.broker.virtualHost());
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        try {
            new RabbitAdmin(connections).declareQueue(QueueBuilder.durable("bench-quorum").quorum().build());
            RabbitTemplate template = new RabbitTemplate(connections);
            parts.add(time("part: publish + confirm (quorum)", i -> {
                CorrelationData confirm = new CorrelationData("c" + i);
                template.send("", "bench-quorum", MessageBuilder.withBody(new byte[0])
                        .setDeliveryMode(MessageDeliveryMode.PERSISTENT).build(), confirm);
                confirm.getFuture().get(10, TimeUnit.SECONDS);
            }));
        } finally {
            connections.destroy();
        }
        return parts;
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static String time(String label, Step step) throws Exception {
        for (int i = 1; i <= WARMUP; i++) {
            step.run(-i);
        }
        long[] micros = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            step.run(i);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        return percentiles(label, micros);
    }

    private static String percentiles(String label, long[] micros) {
        Arrays.sort(micros);
        int n = micros.length;
        return String.format("%s min %6.2f  p10 %6.2f  p50 %6.2f  p90 %6.2f  p99 %6.2f  (ms)", label,
                micros[0] / 1000.0, micros[n / 10] / 1000.0, micros[n / 2] / 1000.0, micros[n * 9 / 10] / 1000.0,
                micros[n * 99 / 100] / 1000.0);
    }

    private int post(int port, byte[] jpeg) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/faces"))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

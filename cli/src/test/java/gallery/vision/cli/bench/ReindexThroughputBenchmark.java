package gallery.vision.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue 9 item 6 (not a test): bulk re-indexing with the built CLI ({@code java -jar cli/target/gallery-vision-cli.jar
 * reindex --storage}, JVM start included) against Home Gallery's extractor pattern (one synchronous request per route
 * and photo, 5 in flight per route) on the same photos, against the built service on loopback ports, in either mode:
 * embedded (the default: {@code api-ingress.jar} alone) or distributed ({@code -Dbench.mode=distributed}: the
 * ingress with {@code SPRING_PROFILES_ACTIVE=distributed}, one {@code vision-worker.jar}, a fresh virtual host on the
 * local RabbitMQ at 127.0.0.1:5672 and an S3Proxy of its own, as the speed harness starts them; see
 * {@link DistributedReindexServers}). Every run sends fresh bytes: each photo gets a JPEG comment with a run counter,
 * so no stored answer helps. CPU seconds come from {@code /proc} for every server process (ingress; worker and S3
 * server too when distributed), this JVM (the extractor's client) and the CLI runs. Run from the repository root
 * after {@code mvn -B -q -DskipTests package}:
 * <pre>
 * java -cp cli/target/test-classes gallery.vision.cli.bench.ReindexThroughputBenchmark ROUNDS MAX_PHOTOS DIR...
 * java -Dbench.mode=distributed \
 *     -cp cli/target/test-classes:api-ingress/target/test-classes:common/target/test-classes \
 *     gallery.vision.cli.bench.ReindexThroughputBenchmark ROUNDS MAX_PHOTOS DIR...
 * </pre>
 * (the distributed mode needs RabbitMQ running, {@code bash .ci/services.sh}, and takes the S3Proxy jar the build
 * copies to {@code api-ingress/target/s3proxy/s3proxy.jar}, or {@code -Ds3proxy.jar=PATH}).
 * Options for before/after comparisons (system properties): {@code -Dbench.ingressJar=PATH} (default
 * {@code api-ingress/target/api-ingress.jar}), {@code -Dbench.ingressJvm="OPTIONS"} (e.g. a JFR recording),
 * {@code -Dbench.workerJar=PATH} and {@code -Dbench.workerJvm="OPTIONS"} (distributed mode; default
 * {@code vision-worker/target/vision-worker.jar}), {@code -Dbench.env="NAME=VALUE ..."} (distributed mode: settings
 * of both services, e.g. {@code WORKER_CONCURRENCY=2}),
 * {@code -Dbench.cliJars=A.jar,B.jar} (each round runs the tool once per jar, in an order that alternates by round;
 * default {@code cli/target/gallery-vision-cli.jar}), {@code -Dbench.cliJvm="OPTIONS"} (diagnosis only: the user's
 * command has none), {@code -Dbench.maxSide=800} (send every photo as Home Gallery's {@code image-preview-800.jpg}
 * would be: scaled to at most 800 pixels a side and re-encoded; for a gallery-scale run over all evaluation photos,
 * whose originals are larger than the service accepts).
 */
public final class ReindexThroughputBenchmark {

    private static final List<String> ROUTES = List.of("embeddings", "objects", "faces");
    private static final int IN_FLIGHT_PER_ROUTE = 5;
    private static final AtomicLong COUNTER = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** {@code -Dbench.maxSide=800}: send each photo as a preview of at most this many pixels a side (0: as is). */
    private static final int MAX_SIDE = Integer.getInteger("bench.maxSide", 0);

    private ReindexThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int maxPhotos = Integer.parseInt(args[1]);
        List<byte[]> photos = photos(List.of(args).subList(2, args.length), maxPhotos);
        Path work = Files.createTempDirectory("reindex-bench");
        List<String> cliJars = List.of(System.getProperty("bench.cliJars", "cli/target/gallery-vision-cli.jar").split(","));
        try (ReindexServers servers = startServers(work, photos.get(0))) {
            Thread stopOnExit = new Thread(servers::close);   // Ctrl-C or kill: the child processes go too
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            URI server = servers.uri();
            System.out.printf("photos %d (%.1f MB), rounds %d, %s%n", photos.size(),
                    photos.stream().mapToLong(p -> p.length).sum() / 1e6, rounds, servers.description());
            extractorPattern(server, photos.subList(0, Math.min(4, photos.size())));   // warm-up, not reported
            for (int round = 1; round <= rounds; round++) {
                String load = loadAverage();
                ServerCpu before = ServerCpu.now(servers.processes());
                java.time.Instant from = java.time.Instant.now();
                double extractor = extractorPattern(server, photos);
                ServerCpu between = ServerCpu.now(servers.processes());
                System.out.printf("window extractor %s %s%n", from, java.time.Instant.now());
                double extractorServer = between.server() - before.server();
                double extractorClient = between.self() - before.self();
                System.out.printf("round %d (load %s): extractor pattern %.1f s (%.2f photos/s); CPU: server %.1f s "
                                + "(%s), client %.1f s, per photo %.3f s%n", round, load, extractor,
                        photos.size() / extractor, extractorServer, between.serverSplit(before), extractorClient,
                        (extractorServer + extractorClient) / photos.size());
                for (int j = 0; j < cliJars.size(); j++) {
                    String jar = cliJars.get((j + round - 1) % cliJars.size());
                    String cliLoad = loadAverage();
                    ServerCpu start = ServerCpu.now(servers.processes());
                    java.time.Instant cliFrom = java.time.Instant.now();
                    double cli = cliReindex(server, jar, photos, work.resolve("storage-" + round + "-" + j));
                    ServerCpu end = ServerCpu.now(servers.processes());
                    System.out.printf("window cli %s %s%n", cliFrom, java.time.Instant.now());
                    double serverCpu = end.server() - start.server();
                    double client = end.children() - start.children();
                    System.out.printf("round %d %s (load %s): cli reindex %.1f s (%.2f photos/s), speed-up %.2fx; "
                                    + "CPU: server %.1f s (%s), cli (JVM start included) %.1f s, per photo %.3f s "
                                    + "(server %.3f s); server CPU ratio %.2fx, total CPU ratio %.2fx%n",
                            round, jar, cliLoad, cli, photos.size() / cli, extractor / cli, serverCpu,
                            end.serverSplit(start), client,
                            (serverCpu + client) / photos.size(), serverCpu / photos.size(), extractorServer / serverCpu,
                            (extractorServer + extractorClient) / (serverCpu + client));
                }
            }
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** {@code -Dbench.mode}: {@code embedded} (the default) or {@code distributed}. */
    private static ReindexServers startServers(Path work, byte[] firstPhoto) throws Exception {
        String mode = System.getProperty("bench.mode", "embedded");
        String ingressJar = System.getProperty("bench.ingressJar", "api-ingress/target/api-ingress.jar");
        return switch (mode) {
            case "embedded" -> EmbeddedReindexServer.start(work, ingressJar, options("bench.ingressJvm"));
            case "distributed" -> DistributedReindexServers.start(Path.of(ingressJar),
                    Path.of(System.getProperty("bench.workerJar", "vision-worker/target/vision-worker.jar")),
                    options("bench.ingressJvm"), options("bench.workerJvm"), settings("bench.env"),
                    () -> fresh(firstPhoto));
            default -> throw new IllegalArgumentException("bench.mode must be embedded or distributed, not " + mode);
        };
    }

    /** Home Gallery's extractor: per route a queue of photos with 5 synchronous requests in flight; seconds taken. */
    private static double extractorPattern(URI server, List<byte[]> photos) throws Exception {
        List<byte[]> fresh = photos.stream().map(ReindexThroughputBenchmark::fresh).toList();
        long start = System.nanoTime();
        List<ExecutorService> pools = new ArrayList<>();
        List<Future<?>> calls = new ArrayList<>();
        for (String route : ROUTES) {
            ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT_PER_ROUTE);
            pools.add(pool);
            for (byte[] photo : fresh) {
                calls.add(pool.submit(() -> post(server.resolve("/" + route), photo)));
            }
        }
        for (Future<?> call : calls) {
            call.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pools.forEach(ExecutorService::shutdown);
        return seconds;
    }

    /** A Home Gallery storage with one entry per photo, re-indexed by the built CLI jar; seconds, JVM start included. */
    private static double cliReindex(URI server, String jar, List<byte[]> photos, Path storage) throws Exception {
        for (byte[] photo : photos) {
            byte[] id = new byte[20];
            ThreadLocalRandom.current().nextBytes(id);
            String hex = HexFormat.of().formatHex(id);
            Path file = storage.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4))
                    .resolve(hex.substring(4) + "-image-preview-800.jpg");
            Files.createDirectories(file.getParent());
            Files.write(file, fresh(photo));
        }
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options("bench.cliJvm"));
        command.addAll(List.of("-jar", jar, "reindex",
                "--server", server.toString(), "--storage", storage.toString(), "--progress", "plain"));
        Process cli = new ProcessBuilder(command).inheritIO().start();
        try {
            if (cli.waitFor() != 0) {
                throw new IllegalStateException("reindex exited with " + cli.exitValue());
            }
        } finally {
            cli.destroy();   // only when the wait was interrupted: the tool has ended otherwise
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> options(String property) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    /** {@code NAME=VALUE} pairs separated by blanks, as environment variables. */
    private static java.util.Map<String, String> settings(String property) {
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        for (String setting : options(property)) {
            String[] pair = setting.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException(property + " holds NAME=VALUE pairs, not " + setting);
            }
            settings.put(pair[0], pair[1]);
        }
        return settings;
    }

    private static String loadAverage() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return load[0] + " " + load[1] + " " + load[2];
    }

    private static Void post(URI uri, byte[] jpeg) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return null;
    }

    /** The photo with a COM segment holding a new counter right after SOI: same pixels, bytes never sent before. */
    private static byte[] fresh(byte[] jpeg) {
        byte[] text = ("bench " + COUNTER.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[jpeg.length + 4 + text.length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) ((text.length + 2) >> 8);
        out[5] = (byte) (text.length + 2);
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }

    /**
     * The photo as a Home Gallery preview of at most {@code bench.maxSide} pixels on its longer side: scaled down
     * (bilinear) when larger, and re-encoded (quality 0.85) either way, as Home Gallery writes its previews.
     */
    private static byte[] preview(byte[] jpeg) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = (int) Math.round(image.getWidth() * scale);
        int height = (int) Math.round(image.getHeight() * scale);
        java.awt.image.BufferedImage scaled = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpg").next();
        javax.imageio.ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.85f);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(scaled, null, null), quality);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static List<byte[]> photos(List<String> dirs, int max) throws IOException {
        List<byte[]> photos = new ArrayList<>();
        for (String dir : dirs) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path file : files.filter(f -> f.toString().toLowerCase().matches(".*\\.jpe?g$")).sorted()
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (photos.size() < max && bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF
                            && (bytes[1] & 0xFF) == 0xD8) {
                        photos.add(MAX_SIDE > 0 ? preview(bytes) : bytes);
                    }
                }
            }
        }
        return photos;
    }
}

package gallery.vision.ingress.bench;

import static gallery.vision.common.testing.JpegComments.withComment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The speed table of issue 11 in one run (a plain {@code main}, not a test). It starts the built
 * {@code api-ingress.jar} in embedded mode with default settings (a fresh {@code DATA_DIR}, loopback), measures every
 * HTTP row with distinct bytes per request (a new JPEG comment, so a new sha1 and no stored answer), the networks
 * alone on ONNX Runtime, and the distributed rows (a distributed ingress and a worker on RabbitMQ and S3); then
 * prints the table with the targets. Server CPU per request is the ingress process's user+system time over a row divided by its requests.
 *
 * <pre>
 * mvn -B -q -o -Pspeed-benchmark -pl api-ingress -am -DskipTests -Dexec.skip=true verify [-Dspeed.args="..."]
 * </pre>
 * Arguments (all optional): {@code --runs N} (sequential requests per row, default 40), {@code --seed DIR} (the
 * seed's images, default {@code ../shared/fixtures/seed}), {@code --models DIR}, {@code --threads N} (intra-op threads
 * for the networks-alone rows, default 2), {@code --env NAME=VALUE} (a setting for the embedded ingress, repeatable),
 * {@code --jvm OPTION} (a JVM option for the embedded ingress, e.g. a JFR recording; repeatable), {@code --no-networks}
 * (skip the networks-alone rows), {@code --networks-only}, {@code --no-distributed} (skip the distributed rows),
 * {@code --rabbitmq amqp://user:password@host:port/vhost} (vhost percent-encoded; default: a fresh virtual host on the
 * local RabbitMQ, made with {@code rabbitmqctl} and deleted afterwards), {@code --s3 http://key:secret@host:port/bucket}
 * (default: an S3Proxy of its own on a free loopback port), {@code --distributed-jvm OPTION} and
 * {@code --worker-jvm OPTION} (JVM options of the distributed ingress and of the worker, e.g. JFR recordings;
 * repeatable), {@code --distributed-only} (only the distributed rows, against the embedded ingress, to iterate on
 * them).
 */
public final class SpeedBenchmark {

    private static final int WARMUP = 10;
    private static final int IN_FLIGHT = 30;
    private static final int REQUESTS_PER_CLIENT = 6;
    private static final int FACES_IN_SAMPLE_2 = 6;
    private static final int CACHED_RUNS_FACTOR = 5;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong nonce = new AtomicLong(System.nanoTime());
    private final List<String> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>() {
        @Override
        public boolean add(String note) {
            System.out.println(note);
            return super.add(note);
        }
    };
    /** Under load a 503 (queue full) or 504 (no answer in time) is an outcome to count, not a benchmark failure. */
    private volatile boolean refusalsAllowed;
    private final AtomicLong refused = new AtomicLong();

    public static void main(String[] args) throws Exception {
        new SpeedBenchmark().run(Options.parse(args));
    }

    private void run(Options options) throws Exception {
        byte[] sample = Files.readAllBytes(options.seed.resolve("sample.jpg"));
        byte[] sample2 = Files.readAllBytes(options.seed.resolve("sample-2.jpg"));
        notes.add("start: " + java.time.Instant.now() + ", load average " + loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        table.add("| what | measured | ingress CPU per request | networks alone | the original | target |");
        table.add("|---|---|---|---|---|---|");

        Map<String, Latencies> networks = options.networks && !options.distributedOnly ? networksAlone(options) : Map.of();
        if (options.networksOnly) {
            return;
        }

        try (ChildService embedded = ChildService.start(options.ingressJar, options.environment, options.jvmOptions,
                true)) {
            if (!options.distributedOnly) {
                embeddedRows(embedded, networks, sample, sample2, options.runs);
            }
            if (options.distributed) {
                distributed(options, embedded, sample);
            } else {
                table.add("| distributed minus embedded, uncached `/embeddings` p50 | skipped: --no-distributed"
                        + " | | | | <= 10 ms |");
                table.add("| cached answer, distributed, p50 | skipped: --no-distributed | | | | <= 5 ms |");
            }
        }
        notes.add("end: " + java.time.Instant.now() + ", load average " + loadAverage());
        System.out.println();
        table.forEach(System.out::println);
    }

    private void embeddedRows(ChildService embedded, Map<String, Latencies> networks, byte[] sample, byte[] sample2,
                              int runs) throws Exception {
        double faceNetworks = networks.values().stream().limit(5).mapToDouble(Latencies::p50).sum();
        Row faces = sequential(embedded, "/faces", sample2, runs);
        table.add(row("`/faces` sample-2.jpg, sequential, p50", faces.latencies.p50() + " ms", faces,
                networks.isEmpty() ? "" : String.format("%.1f ms", faceNetworks), "786 ms", "<= 80 ms"));
        Row load = inFlight(embedded, "/faces", sample2);
        table.add(row("`/faces` sample-2.jpg, " + IN_FLIGHT + " in flight: throughput", String.format(
                "%.1f req/s, slowest %.0f ms, p50 %.0f ms, %d x 503/504", load.throughput, load.latencies.max(),
                load.latencies.p50(), load.refused), load, "", "1.6 req/s", ">= 16 req/s, slowest < 3000 ms"));
        Row embeddings = sequential(embedded, "/embeddings", sample, runs);
        table.add(row("`/embeddings` sample.jpg, sequential, p50", embeddings.latencies.p50() + " ms", embeddings,
                alone(networks, "nsfw-mobilenet-v2-features"), "87 ms", "<= 12 ms"));
        Row objects = sequential(embedded, "/objects", sample2, runs);
        table.add(row("`/objects` sample-2.jpg, sequential, p50", objects.latencies.p50() + " ms", objects,
                alone(networks, "centernet-mobilenet-v3"), "", "<= 50 ms"));
        notes.add("embedded ingress RSS after the rows: " + embedded.rssMib() + " MiB");
    }

    private Map<String, Latencies> networksAlone(Options options) throws Exception {
        Map<String, Latencies> times = new java.util.LinkedHashMap<>();
        Object[][] models = {
                {"face-detector", "faces/face-detector.onnx", 1, 512},
                {"face-landmarks", "faces/face-landmarks.onnx", FACES_IN_SAMPLE_2, 112},
                {"face-expression", "faces/face-expression.onnx", FACES_IN_SAMPLE_2, 112},
                {"face-age-gender", "faces/face-age-gender.onnx", FACES_IN_SAMPLE_2, 112},
                {"face-recognition", "faces/face-recognition.onnx", FACES_IN_SAMPLE_2, 150},
                {"nsfw-mobilenet-v2-features", "tfjs/nsfw-mobilenet-v2-features.onnx", 1, 224},
                {"centernet-mobilenet-v3", "tfjs/centernet-mobilenet-v3.onnx", 1, 512}};
        boolean cpuArena = Boolean.parseBoolean(options.environment.getOrDefault("ONNX_CPU_ARENA", "true"));
        for (Object[] model : models) {
            NetworkTimes.Measured measured = NetworkTimes.measure(options.models.resolve((String) model[1]),
                    options.threads, cpuArena, (Integer) model[2], (Integer) model[3], options.runs);
            times.put((String) model[0], measured.latencies());
            notes.add(String.format("network alone %-28s %s, CPU %.1f ms/run", model[0],
                    measured.latencies().summary(), measured.cpuMillisPerRun()));
        }
        notes.add("networks alone: ONNX Runtime, " + options.threads + " intra-op threads, CPU arena " + cpuArena
                + ", random input, p50 of "
                + options.runs + " runs; faces: detector + 4 per-face networks at batch " + FACES_IN_SAMPLE_2);
        return times;
    }

    /**
     * The distributed rows: a distributed ingress and one worker (the built jars, as child processes, default settings)
     * on the {@link DistributedServices}, measured against the embedded ingress with interleaved pairs of the same new
     * image, then a repeated image. Besides wall times, CPU per request of every process on the path.
     */
    private void distributed(Options options, ChildService embedded, byte[] sample) throws Exception {
        java.util.Optional<DistributedServices> started = DistributedServices.start(options.rabbitmq, options.s3,
                notes::add);
        if (started.isEmpty()) {
            table.add("| distributed minus embedded, uncached `/embeddings` p50 | skipped: no broker (see above) | | | | <= 10 ms |");
            table.add("| cached answer, distributed, p50 | skipped: no broker (see above) | | | | <= 5 ms |");
            return;
        }
        try (DistributedServices services = started.get()) {
            notes.add("distributed: " + services.description());
            Map<String, String> settings = new HashMap<>(options.environment);
            settings.putAll(services.environment());
            Map<String, String> ingressSettings = new HashMap<>(settings);
            ingressSettings.put("SPRING_PROFILES_ACTIVE", "distributed");
            try (ChildService worker = ChildService.start(options.workerJar, settings, options.workerJvmOptions, false);
                 ChildService ingress = ChildService.start(options.ingressJar, ingressSettings,
                         options.distributedJvmOptions, true)) {
                notes.add(String.format("distributed cluster answered after %.1f s",
                        ingress.awaitAnswer(worker, "/embeddings", () -> distinct(sample))));
                measureDistributed(services, embedded, ingress, worker, sample, options.runs);
            }
        }
    }

    private void measureDistributed(DistributedServices services, ChildService embedded, ChildService ingress,
                                    ChildService worker, byte[] sample, int runs) throws Exception {
        for (int r = 0; r < WARMUP; r++) {
            byte[] body = distinct(sample);
            timed(embedded, "/embeddings", body);
            timed(ingress, "/embeddings", body);
        }
        byte[][] bodies = new byte[runs][];
        for (int r = 0; r < runs; r++) {
            bodies[r] = distinct(sample);
        }
        double[] differences = new double[runs];
        double[] remote = new double[runs];
        CpuWindow cpu = new CpuWindow(services, embedded, ingress, worker);
        for (int r = 0; r < runs; r++) {
            double local = timed(embedded, "/embeddings", bodies[r]);
            remote[r] = timed(ingress, "/embeddings", bodies[r]);
            differences[r] = remote[r] - local;
        }
        Latencies overhead = Latencies.of(differences);
        notes.add("distributed /embeddings, new image, interleaved with embedded: " + Latencies.of(remote).summary()
                + "; distributed minus embedded: " + overhead.summary() + "; " + cpu.perRequest(runs));
        table.add(String.format("| distributed minus embedded, uncached `/embeddings` p50 (interleaved pairs) | %+.1f ms"
                + " (distributed p50 %.1f ms) | %s | | | <= 10 ms |", overhead.p50(), Latencies.of(remote).p50(),
                cpu.shortPerRequest(runs)));
        // A cached answer is cheap: more requests, so that its CPU per request is not one JIT compilation's noise.
        int hitRuns = CACHED_RUNS_FACTOR * runs;
        byte[] cached = distinct(sample);
        for (int r = 0; r < hitRuns; r++) {
            timed(ingress, "/embeddings", cached);
        }
        double[] millis = new double[hitRuns];
        cpu = new CpuWindow(services, embedded, ingress, worker);
        for (int r = 0; r < hitRuns; r++) {
            millis[r] = timed(ingress, "/embeddings", cached);
        }
        Latencies hits = Latencies.of(millis);
        notes.add("distributed /embeddings, cached answer: " + hits.summary() + "; " + cpu.perRequest(hitRuns));
        table.add(String.format("| cached answer, distributed, p50 | %.1f ms | %s | | | <= 5 ms |", hits.p50(),
                cpu.shortPerRequest(hitRuns)));
        // The parts of the path alone, on the same servers (a stage profile by parts; BENCHMARKS.md).
        byte[] answer = post(ingress, "/embeddings", cached).body();
        new DistributedParts(services.environment(), notes::add, runs).measure(distinct(sample), answer);
    }

    /** CPU time of the processes on the distributed rows' path, from the moment it is made, with the time window. */
    private static final class CpuWindow {
        private final DistributedServices services;
        private final ChildService embedded;
        private final ChildService ingress;
        private final ChildService worker;
        private final double[] before;
        private final java.time.Instant from = java.time.Instant.now();

        CpuWindow(DistributedServices services, ChildService embedded, ChildService ingress, ChildService worker)
                throws java.io.IOException {
            this.services = services;
            this.embedded = embedded;
            this.ingress = ingress;
            this.worker = worker;
            this.before = now();
        }

        private double[] now() throws java.io.IOException {
            return new double[]{embedded.cpuMillis(), ingress.cpuMillis(), worker.cpuMillis(), services.s3CpuMillis()};
        }

        private double[] perRequest(int requests, double[] after) {
            double[] each = new double[after.length];
            for (int i = 0; i < after.length; i++) {
                each[i] = (after[i] - before[i]) / requests;
            }
            return each;
        }

        String perRequest(int requests) throws Exception {
            double[] each = perRequest(requests, now());
            return String.format("CPU per request: embedded ingress %.1f ms, distributed ingress %.1f ms, worker %.1f ms,"
                    + " S3 server %s (%s to %s, load average %s)", each[0], each[1], each[2],
                    services.ownS3() ? String.format("%.1f ms", each[3]) : "not ours", from, java.time.Instant.now(),
                    loadAverage());
        }

        String shortPerRequest(int requests) throws Exception {
            double[] each = perRequest(requests, now());
            return String.format("ingress %.0f + worker %.0f%s ms (embedded %.0f ms)", each[1], each[2],
                    services.ownS3() ? String.format(" + S3 %.0f", each[3]) : "", each[0]);
        }
    }

    /** A row's wall times, the ingress's CPU time per request over the row, and (for load rows) requests per second. */
    private record Row(Latencies latencies, double cpuPerRequest, double throughput, long refused) {
    }

    private Row sequential(ChildService service, String route, byte[] jpeg, int runs) throws Exception {
        refusalsAllowed = true;
        try {
            for (int r = 0; r < WARMUP; r++) {
                timed(service, route, distinct(jpeg));
            }
        } finally {
            refusalsAllowed = false;
        }
        byte[][] bodies = new byte[runs][];
        for (int r = 0; r < runs; r++) {
            bodies[r] = distinct(jpeg);
        }
        double cpuBefore = service.cpuMillis();
        java.time.Instant started = java.time.Instant.now();
        double[] millis = new double[runs];
        for (int r = 0; r < runs; r++) {
            millis[r] = timed(service, route, bodies[r]);
        }
        double cpu = (service.cpuMillis() - cpuBefore) / runs;
        Latencies latencies = Latencies.of(millis);
        notes.add(String.format("%-12s sequential: %s, ingress CPU %.1f ms/request (%s to %s)", route,
                latencies.summary(), cpu, started, java.time.Instant.now()));
        return new Row(latencies, cpu, 0, 0);
    }

    private Row inFlight(ChildService service, String route, byte[] jpeg) throws Exception {
        int total = IN_FLIGHT * REQUESTS_PER_CLIENT;
        byte[][] bodies = new byte[total][];
        for (int i = 0; i < total; i++) {
            bodies[i] = distinct(jpeg);
        }
        double[] millis = new double[total];
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        double cpuBefore = service.cpuMillis();
        java.time.Instant started = java.time.Instant.now();
        long start = System.nanoTime();
        refusalsAllowed = true;
        refused.set(0);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < IN_FLIGHT; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = client; i < total; i += IN_FLIGHT) {
                        millis[i] = timed(service, route, bodies[i]);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdown();
            refusalsAllowed = false;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long answered = total - refused.get();
        double cpu = (service.cpuMillis() - cpuBefore) / Math.max(1, answered);
        Latencies latencies = Latencies.of(millis);
        notes.add(String.format("%-12s %d in flight, %d requests in %.1f s (%d answered 503 or 504): %s, ingress CPU %.1f"
                + " ms per answered request (%s to %s)", route, IN_FLIGHT, total, seconds, refused.get(), latencies.summary(), cpu,
                started, java.time.Instant.now()));
        return new Row(latencies, cpu, answered / seconds, refused.get());
    }

    private double timed(ChildService service, String route, byte[] body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = post(service, route, body);
        double millis = (System.nanoTime() - start) / 1e6;
        if ((response.statusCode() == 503 || response.statusCode() == 504) && refusalsAllowed) {
            refused.incrementAndGet();
        } else if (response.statusCode() != 200) {
            throw new IllegalStateException(route + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return millis;
    }

    private HttpResponse<byte[]> post(ChildService service, String route, byte[] body) throws Exception {
        try {
            return send(service, route, body);
        } catch (java.io.IOException staleConnection) {
            // a pooled keep-alive connection the server closed meanwhile (KEEP_ALIVE_TIMEOUT): once more, afresh
            return send(service, route, body);
        }
    }

    private HttpResponse<byte[]> send(ChildService service, String route, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(route)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] distinct(byte[] jpeg) {
        return withComment(jpeg, "speed-benchmark " + nonce.incrementAndGet());
    }

    private static String row(String what, String measured, Row row, String networks, String original, String target) {
        return String.format("| %s | %s | %.0f ms | %s | %s | %s |", what, measured.replaceAll("(\\.\\d)\\d+ ms", "$1 ms"),
                row.cpuPerRequest, networks, original, target);
    }

    private static String alone(Map<String, Latencies> networks, String name) {
        return networks.containsKey(name) ? String.format("%.1f ms", networks.get(name).p50()) : "";
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** The command line. */
    private record Options(int runs, Path seed, Path models, int threads, Path ingressJar, Path workerJar,
                           Map<String, String> environment, List<String> jvmOptions, boolean networks,
                           boolean networksOnly, boolean distributed, boolean distributedOnly, String rabbitmq, String s3,
                           List<String> distributedJvmOptions, List<String> workerJvmOptions) {

        static Options parse(String[] args) {
            int runs = 40;
            Path seed = Path.of("../shared/fixtures/seed");
            Path models = Path.of("model-build/target/model-files/gallery/vision/models");
            int threads = 2;
            Path ingressJar = Path.of("api-ingress/target/api-ingress.jar");
            Path workerJar = Path.of("vision-worker/target/vision-worker.jar");
            Map<String, String> environment = new HashMap<>();
            List<String> jvmOptions = new ArrayList<>();
            boolean networks = true;
            boolean networksOnly = false;
            boolean distributed = true;
            boolean distributedOnly = false;
            List<String> distributedJvmOptions = new ArrayList<>();
            List<String> workerJvmOptions = new ArrayList<>();
            String rabbitmq = null;
            String s3 = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--seed" -> seed = Path.of(value);
                    case "--models" -> models = Path.of(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--ingress-jar" -> ingressJar = Path.of(value);
                    case "--worker-jar" -> workerJar = Path.of(value);
                    case "--env" -> environment.put(value.substring(0, value.indexOf('=')),
                            value.substring(value.indexOf('=') + 1));
                    case "--jvm" -> jvmOptions.add(value);
                    case "--no-networks" -> {
                        networks = false;
                        i--;
                    }
                    case "--networks-only" -> {
                        networksOnly = true;
                        i--;
                    }
                    case "--no-distributed" -> {
                        distributed = false;
                        i--;
                    }
                    case "--distributed-only" -> {
                        distributedOnly = true;
                        i--;
                    }
                    case "--distributed-jvm" -> distributedJvmOptions.add(value);
                    case "--worker-jvm" -> workerJvmOptions.add(value);
                    case "--rabbitmq" -> rabbitmq = value;
                    case "--s3" -> s3 = value;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
                i++;
            }
            return new Options(runs, seed, models, threads, ingressJar, workerJar, environment, jvmOptions, networks,
                    networksOnly, distributed, distributedOnly, rabbitmq, s3, distributedJvmOptions, workerJvmOptions);
        }
    }
}

package gallery.vision.ingress.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built service jar ({@code api-ingress.jar} or {@code vision-worker.jar}) as a child JVM on a free loopback port,
 * with the given environment on top of the defaults, its output in a temporary log file; its CPU time is read from
 * {@code /proc/PID/stat}. Public for the cli module's re-indexing benchmark. Not thread-safe; one owner.
 */
public final class ChildService implements AutoCloseable {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final Process process;
    private final Path log;
    public final int port;

    private ChildService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar and, when {@code waitForHealth}, waits until {@code GET /health} answers 200. */
    public static ChildService start(Path jar, Map<String, String> environment, List<String> jvmOptions, boolean waitForHealth)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("speed-bench-" + jar.getFileName(), ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("DATA_DIR", Files.createTempDirectory("speed-bench-data").toString());
        builder.environment().putAll(environment);
        ChildService service = new ChildService(builder.start(), log, port);
        if (waitForHealth) {
            service.awaitHealth();
        }
        return service;
    }

    private void awaitHealth() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        close();
        throw new IllegalStateException("service did not start; its log: " + log);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** User plus system CPU time of the whole process (every thread, native ones included), in milliseconds. */
    public double cpuMillis() throws IOException {
        return cpuMillis(process.pid());
    }

    /** User plus system CPU time of process {@code pid} (every thread), in milliseconds; 0 for no process (-1). */
    public static double cpuMillis(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Where the process's output goes. */
    public Path log() {
        return log;
    }

    /** The last {@code lines} lines of the process's output, for a failure message. */
    public String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The process id, for CPU time from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /**
     * Waits until this distributed ingress answers {@code POST route} with 200 (the worker loads its models and
     * announces itself; until its consumer runs, the ingress answers 503 NO_WORKER at once); seconds waited. Fails with
     * the last answer and both logs' tails when a service dies or nothing answers within 5 minutes.
     *
     * @param bodies a new JPEG per attempt (distinct bytes, so that no stored answer is reused)
     */
    public double awaitAnswer(ChildService worker, String route, java.util.function.Supplier<byte[]> bodies)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofMinutes(5).toNanos();
        String last = "";
        while (true) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(route)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - begin) / 1e9;
                }
                last = "HTTP " + answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (!worker.alive() || !alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the distributed cluster never answered " + route + " (worker "
                        + (worker.alive() ? "running" : "dead") + ", ingress " + (alive() ? "running" : "dead")
                        + "); last answer: " + last + "\n--- worker log " + worker.log() + ":\n" + worker.logTail(40)
                        + "\n--- ingress log " + log() + ":\n" + logTail(40));
            }
            Thread.sleep(500);
        }
    }

    /** Resident size in MiB. */
    long rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

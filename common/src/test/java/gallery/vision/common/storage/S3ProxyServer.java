package gallery.vision.common.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 server for tests: S3Proxy with its filesystem backend, in a child process on a free loopback port, from
 * the jar Maven copied to the module's {@code target/s3proxy} (system property {@code s3proxy.jar}, set by the
 * surefire configuration of each module that uses it). It can be stopped and started again on the same port and
 * data, to test recovery. {@link #close()} stops the process and deletes its data.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";

    private final Path dir;
    private final int port;
    private Process process;

    private S3ProxyServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static S3ProxyServer start() throws IOException {
        return start("filesystem");
    }

    /** Starts a server with the given jclouds provider: {@code filesystem} (the default) or {@code transient}. */
    public static S3ProxyServer start(String provider) throws IOException {
        S3ProxyServer server = new S3ProxyServer(Files.createTempDirectory("s3proxy-test"), freePort());
        Files.createDirectories(server.dir.resolve("blobs"));
        Files.writeString(server.dir.resolve("s3proxy.conf"), String.join("\n",
                "s3proxy.endpoint=" + server.endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=" + provider,
                "jclouds.filesystem.basedir=" + server.dir.resolve("blobs"),
                ""));
        server.startProcess();
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The server process's id (for its CPU time in benchmarks), or -1 while it is stopped. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Starts the server (again) on the same port and data; returns once it accepts connections. */
    public synchronized void startProcess() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy jar not found (system property s3proxy.jar = " + jar
                    + "); the Maven build copies it to the module's target/s3proxy");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", dir.resolve("s3proxy.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!accepts()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String log = Files.exists(dir.resolve("s3proxy.log")) ? Files.readString(dir.resolve("s3proxy.log")) : "";
                stop();
                throw new IllegalStateException("S3Proxy did not start on port " + port + ":\n" + log);
            }
            sleep(100);
        }
    }

    /** Stops the server process; the data stays for a later {@link #startProcess()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

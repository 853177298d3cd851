package gallery.vision.cli.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built {@code api-ingress.jar} in embedded mode (its default: networks in the process, results on the local
 * disk) on a free loopback port with a fresh {@code DATA_DIR}, its output in {@code ingress.log} of the work
 * directory. Thread-safe close; otherwise one owner.
 */
final class EmbeddedReindexServer implements ReindexServers {

    private final Process ingress;
    private final URI uri;

    private EmbeddedReindexServer(Process ingress, URI uri) {
        this.ingress = ingress;
        this.uri = uri;
    }

    /** Starts the ingress and returns once {@code GET /models} answers 200. */
    static EmbeddedReindexServer start(Path work, String jar, List<String> jvmOptions) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1",
                "--DATA_DIR=" + work.resolve("data")));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("ingress.log").toFile()).start();
        EmbeddedReindexServer server = new EmbeddedReindexServer(process, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitModels();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Map<String, Long> processes() {
        return Map.of("ingress", ingress.pid());
    }

    @Override
    public String description() {
        return "embedded ingress " + uri;
    }

    @Override
    public synchronized void close() {
        ingress.destroy();
        try {
            ingress.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ingress.destroyForcibly();
        }
    }

    private void awaitModels() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && ingress.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(uri.resolve("/models")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("ingress did not start; see its log");
    }
}

package gallery.vision.cli.bench;

import gallery.vision.ingress.bench.ChildService;
import gallery.vision.ingress.bench.DistributedServices;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The distributed form, started as the speed harness starts it ({@link DistributedServices}, {@link ChildService}):
 * a fresh virtual host on the local RabbitMQ (127.0.0.1:5672, deleted on close), an S3Proxy of its own on a free
 * loopback port, one built {@code vision-worker.jar} and the built {@code api-ingress.jar} with
 * {@code SPRING_PROFILES_ACTIVE=distributed}, every other setting at its default unless given. Thread-safe close; otherwise one
 * owner.
 */
final class DistributedReindexServers implements ReindexServers {

    private final DistributedServices services;
    private ChildService worker;
    private ChildService ingress;
    private boolean closed;

    private DistributedReindexServers(DistributedServices services) {
        this.services = services;
    }

    /**
     * Starts broker host, S3 server, worker and ingress, and returns once the cluster answers {@code /embeddings}.
     *
     * @param settings more environment variables for both services (e.g. {@code WORKER_CONCURRENCY=2})
     * @param bodies   a new JPEG per attempt while waiting for the worker
     */
    static DistributedReindexServers start(Path ingressJar, Path workerJar, List<String> ingressJvm,
                                           List<String> workerJvm, Map<String, String> settings,
                                           Supplier<byte[]> bodies) throws Exception {
        DistributedServices services = DistributedServices.start(null, null, System.out::println)
                .orElseThrow(() -> new IllegalStateException("no RabbitMQ on 127.0.0.1:5672 (bash .ci/services.sh)"));
        DistributedReindexServers servers = new DistributedReindexServers(services);
        try {
            Map<String, String> workerSettings = new HashMap<>(settings);
            workerSettings.putAll(services.environment());
            Map<String, String> ingressSettings = new HashMap<>(workerSettings);
            ingressSettings.put("SPRING_PROFILES_ACTIVE", "distributed");
            servers.worker = ChildService.start(workerJar, workerSettings, workerJvm, false);
            servers.ingress = ChildService.start(ingressJar, ingressSettings, ingressJvm, true);
            System.out.printf("distributed cluster answered after %.1f s%n",
                    servers.ingress.awaitAnswer(servers.worker, "/embeddings", bodies));
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    @Override
    public URI uri() {
        return ingress.uri("/");
    }

    @Override
    public Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("ingress", ingress.pid());
        processes.put("worker", worker.pid());
        processes.put("s3", services.s3Pid());
        return processes;
    }

    @Override
    public String description() {
        return "distributed ingress " + uri() + ", one worker; " + services.description() + "; logs: ingress "
                + ingress.log() + ", worker " + worker.log();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ChildService service : new ChildService[]{ingress, worker}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.close();
    }
}

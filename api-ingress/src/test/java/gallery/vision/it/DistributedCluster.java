package gallery.vision.it;

import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.MinioClients;
import gallery.vision.common.storage.S3BlobStore;
import gallery.vision.common.storage.S3ProxyServer;
import gallery.vision.ingress.ApiIngressApplication;
import gallery.vision.worker.VisionWorkerApplication;
import io.minio.MinioClient;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Distributed mode as it runs in production, in one JVM: the real broker (a fresh virtual host), a real S3 server
 * (S3Proxy in a child process), the ingress application with profile {@code distributed} on a random loopback port,
 * and any number of vision-worker applications, each its own Spring context with its own broker connections.
 * {@link #close()} stops everything it started.
 */
final class DistributedCluster implements AutoCloseable {

    static final String BUCKET = "gallery-vision-test";

    /**
     * The worker's analyzers besides those on its classpath: a test double that stays off unless switched on. The
     * distributed tests run the real faces analyzer (face-api's networks as the build converted them); only the
     * overhead benchmark switches the double on, see {@link MeanColourTestDouble}.
     */
    private static final List<Class<?>> TEST_ANALYZERS = List.of(MeanColourTestDouble.class);

    final RabbitBroker broker;
    final S3ProxyServer s3;
    final AnalyzerControl control = new AnalyzerControl();
    final Map<String, AtomicInteger> ingressPuts = CountingBlobStore.newCounts();
    private final List<String> settings;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext ingress;
    private int port;
    private int workerCount;

    /**
     * A worker application. {@link #kill()} drops its broker connection at once, which is what the broker sees when
     * a worker process dies: every job it had not acknowledged goes back to the queue. (Its consumer thread, if held
     * mid-analysis, cannot take another job until released, and its late ack then fails on the dead channel.)
     */
    record Worker(String name, ConfigurableApplicationContext context) {

        SimpleMessageListenerContainer jobContainer() {
            return context.getBean("jobContainer", SimpleMessageListenerContainer.class);
        }

        SimpleMessageListenerContainer bulkContainer() {
            return context.getBean("bulkContainer", SimpleMessageListenerContainer.class);
        }

        void kill() {
            context.getBean(CachingConnectionFactory.class).resetConnection();
        }
    }

    private DistributedCluster(RabbitBroker broker, S3ProxyServer s3, List<String> settings) {
        this.broker = broker;
        this.s3 = s3;
        this.settings = settings;
    }

    /**
     * Starts broker virtual host, S3 server, {@code workers} workers and then the ingress (workers first, so that
     * their model announcements are in place).
     */
    static DistributedCluster start(int workers, String... extraSettings) throws IOException {
        RabbitBroker broker = RabbitBroker.withFreshVirtualHost();
        S3ProxyServer s3 = null;
        try {
            s3 = S3ProxyServer.start();
            List<String> settings = new ArrayList<>(broker.springArgs());
            settings.addAll(List.of("--gallery.s3.endpoint=" + s3.endpoint(),
                    "--gallery.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
                    "--gallery.s3.secret-key=" + S3ProxyServer.SECRET_KEY,
                    "--gallery.s3.bucket=" + BUCKET,
                    "--gallery.jobs.delivery-limit=2",
                    // Keep the build log readable: the services log warnings and errors only.
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
            settings.addAll(List.of(extraSettings));
            DistributedCluster cluster = new DistributedCluster(broker, s3, settings);
            for (int i = 0; i < workers; i++) {
                cluster.startWorker();
            }
            cluster.startIngress();
            return cluster;
        } catch (RuntimeException | IOException e) {
            if (s3 != null) {
                s3.close();
            }
            broker.close();
            throw e;
        }
    }

    /** Starts a worker with the cluster's settings and {@code extraSettings} (a {@code MODEL_DIR} of its own, say). */
    Worker startWorker(String... extraSettings) {
        String name = "worker-" + (++workerCount);
        SpringApplication app = workerApplication();
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(control.decorator(name)));
        app.addListeners((org.springframework.context.event.ContextClosedEvent closed) -> control.forget(name));
        Worker worker = new Worker(name, app.run(args(Stream.concat(Stream.of("--spring.application.name=" + name),
                Stream.of(extraSettings)).toArray(String[]::new))));
        workers.add(worker);
        return worker;
    }

    /** A vision-worker application with the test analyzers, in this JVM or in a {@link WorkerProcess}. */
    static SpringApplication workerApplication() {
        return VisionWorkerApplication.configure(new SpringApplication(
                Stream.concat(Stream.of(VisionWorkerApplication.class), TEST_ANALYZERS.stream()).toArray(Class<?>[]::new)));
    }

    void stopWorker(Worker worker) {
        workers.remove(worker);
        worker.context().close();
    }

    /** A worker in a process of its own, pointed at this cluster; see {@link WorkerProcess}. */
    WorkerProcess startWorkerProcess(String... extraSettings) throws IOException {
        return WorkerProcess.start(Stream.concat(settings.stream(), Stream.of(extraSettings)).toList());
    }

    List<Worker> workers() {
        return List.copyOf(workers);
    }

    private void startIngress() {
        SpringApplication app = new SpringApplication(ApiIngressApplication.class);
        app.setAdditionalProfiles(DeploymentProfiles.DISTRIBUTED);
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(CountingBlobStore.counting(ingressPuts)));
        ingress = app.run(args("--server.port=0", "--server.address=127.0.0.1"));
        port = Integer.parseInt(ingress.getEnvironment().getProperty("local.server.port"));
    }

    /** Stops the ingress and starts a new one on another port: nothing it held in memory survives. */
    void restartIngress() {
        ingress.close();
        startIngress();
    }

    private String[] args(String... more) {
        return Stream.concat(settings.stream(), Stream.of(more)).toArray(String[]::new);
    }

    /** A store of the test's own on the same bucket, to look at (or tamper with) what the services stored. */
    BlobStore store() {
        MinioClient client = MinioClients.create(s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                null, Duration.ofSeconds(5), Duration.ofSeconds(30));
        return new S3BlobStore(client, BUCKET);
    }

    int port() {
        return port;
    }

    <T> T ingressBean(Class<T> type) {
        return ingress.getBean(type);
    }

    HttpResponse<String> post(String path, byte[] jpeg) {
        return postAsync(path, jpeg).join();
    }

    HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, byte[] jpeg) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "image/jpeg")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        control.release();
        for (Worker worker : workers) {
            worker.context().close();
        }
        if (ingress != null) {
            ingress.close();
        }
        s3.close();
        broker.close();
    }
}

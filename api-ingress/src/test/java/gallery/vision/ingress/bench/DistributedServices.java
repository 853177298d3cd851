package gallery.vision.ingress.bench;

import gallery.vision.common.storage.S3ProxyServer;
import gallery.vision.it.RabbitBroker;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The broker and S3 server of the speed benchmark's distributed rows, as environment variables for the child
 * services. By default a virtual host of its own on the local RabbitMQ ({@code .ci/services.sh}; created with
 * {@code rabbitmqctl} and deleted on {@link #close()}, so no other run's queues or consumers are seen or touched)
 * and an S3Proxy of its own on a free loopback port; {@code --rabbitmq} and {@code --s3} name servers of the
 * caller's instead. The broker is passed as Spring Boot's discrete {@code SPRING_RABBITMQ_*} settings, with the
 * URI's percent-encoding undone: Boot takes the virtual host of {@code SPRING_RABBITMQ_ADDRESSES} literally, so
 * {@code amqp://.../%2F} named a virtual host "%2F" that does not exist and every connection was refused
 * ({@code NOT_ALLOWED - vhost %2F not found}). Public for the cli module's re-indexing benchmark. Not thread-safe;
 * one owner.
 */
public final class DistributedServices implements AutoCloseable {

    private static final String S3PROXY_JAR = "api-ingress/target/s3proxy/s3proxy.jar";
    private static final String BUCKET = "speed-bench";

    private final Map<String, String> environment;
    private final String description;
    private final RabbitBroker ownBroker;
    private final S3ProxyServer ownS3;

    private DistributedServices(Map<String, String> environment, String description, RabbitBroker ownBroker,
                                S3ProxyServer ownS3) {
        this.environment = environment;
        this.description = description;
        this.ownBroker = ownBroker;
        this.ownS3 = ownS3;
    }

    /**
     * The services, or empty with the reason printed when the local broker is not running and none was named.
     *
     * @param rabbitmq {@code amqp://user:password@host:port/vhost} (vhost percent-encoded, {@code %2F} is "/"), or
     *                 null for a fresh virtual host on the local broker
     * @param s3       {@code http://key:secret@host:port/bucket}, or null for an S3Proxy of our own
     */
    public static Optional<DistributedServices> start(String rabbitmq, String s3, java.util.function.Consumer<String> note)
            throws IOException {
        Map<String, String> environment = new HashMap<>();
        RabbitBroker broker = null;
        String brokerText;
        if (rabbitmq != null) {
            URI uri = URI.create(rabbitmq);
            String[] credentials = decode(Optional.ofNullable(uri.getRawUserInfo()).orElse("guest:guest")).split(":", 2);
            String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath().substring(1);
            String vhost = path.isEmpty() ? "/" : decode(path);
            environment.put("SPRING_RABBITMQ_HOST", uri.getHost());
            environment.put("SPRING_RABBITMQ_PORT", Integer.toString(uri.getPort() < 0 ? 5672 : uri.getPort()));
            environment.put("SPRING_RABBITMQ_USERNAME", credentials[0]);
            environment.put("SPRING_RABBITMQ_PASSWORD", credentials.length > 1 ? credentials[1] : "");
            environment.put("SPRING_RABBITMQ_VIRTUAL_HOST", vhost);
            brokerText = "RabbitMQ " + uri.getHost() + ", virtual host " + vhost + " (given)";
        } else {
            if (!RabbitBroker.reachable()) {
                note.accept("distributed rows skipped: RabbitMQ is not reachable on " + RabbitBroker.HOST + ":"
                        + RabbitBroker.PORT + " (start it with bash .ci/services.sh, or name one with --rabbitmq)");
                return Optional.empty();
            }
            broker = RabbitBroker.withFreshVirtualHost();
            environment.put("SPRING_RABBITMQ_HOST", RabbitBroker.HOST);
            environment.put("SPRING_RABBITMQ_PORT", Integer.toString(RabbitBroker.PORT));
            environment.put("SPRING_RABBITMQ_USERNAME", RabbitBroker.USER);
            environment.put("SPRING_RABBITMQ_PASSWORD", RabbitBroker.PASSWORD);
            environment.put("SPRING_RABBITMQ_VIRTUAL_HOST", broker.virtualHost());
            brokerText = "RabbitMQ " + RabbitBroker.HOST + ":" + RabbitBroker.PORT + ", fresh virtual host "
                    + broker.virtualHost();
        }
        S3ProxyServer ownS3 = null;
        String s3Text;
        try {
            if (s3 != null) {
                URI uri = URI.create(s3);
                String[] credentials = decode(uri.getRawUserInfo()).split(":", 2);
                environment.put("S3_ENDPOINT", uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
                environment.put("S3_ACCESS_KEY", credentials[0]);
                environment.put("S3_SECRET_KEY", credentials[1]);
                environment.put("S3_BUCKET", uri.getPath().replace("/", ""));
                s3Text = "S3 " + uri.getHost() + ":" + uri.getPort() + " (given)";
            } else {
                if (System.getProperty("s3proxy.jar") == null) {
                    System.setProperty("s3proxy.jar", S3PROXY_JAR);
                }
                if (!Files.isRegularFile(Path.of(System.getProperty("s3proxy.jar")))) {
                    throw new IllegalStateException("no S3Proxy jar at " + System.getProperty("s3proxy.jar")
                            + " (the build copies it there; or name an S3 server with --s3)");
                }
                ownS3 = S3ProxyServer.start();
                environment.put("S3_ENDPOINT", ownS3.endpoint());
                environment.put("S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
                environment.put("S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
                environment.put("S3_BUCKET", BUCKET);
                s3Text = "S3Proxy (filesystem backend) of our own at " + ownS3.endpoint();
            }
        } catch (IOException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        return Optional.of(new DistributedServices(Map.copyOf(environment), brokerText + "; " + s3Text, broker, ownS3));
    }

    /** Settings that point a service at these servers. */
    public Map<String, String> environment() {
        return environment;
    }

    public String description() {
        return description;
    }

    /** The S3 server's process id when it is ours, else -1. */
    public long s3Pid() {
        return ownS3 == null ? -1 : ownS3.pid();
    }

    /** CPU time of the S3 server when it is ours (0 otherwise), in milliseconds. */
    public double s3CpuMillis() throws IOException {
        return ownS3 == null ? 0 : ChildService.cpuMillis(ownS3.pid());
    }

    public boolean ownS3() {
        return ownS3 != null;
    }

    @Override
    public void close() {
        if (ownS3 != null) {
            ownS3.close();
        }
        if (ownBroker != null) {
            ownBroker.close();
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

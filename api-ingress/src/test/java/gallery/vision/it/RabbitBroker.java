package gallery.vision.it;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real RabbitMQ broker that {@code .ci/services.sh} installs and starts on 127.0.0.1:5672. Each test class gets a
 * virtual host of its own (created with {@code rabbitmqctl}, deleted on {@link #close()}), so runs never see each
 * other's queues. {@link #stopApp()} and {@link #startApp()} stop and start the broker application on the node, as a
 * broker restart does (this affects every virtual host). Public for the speed benchmark
 * ({@code gallery.vision.ingress.bench.SpeedBenchmark}), which runs its distributed rows in a virtual host of its own.
 */
public final class RabbitBroker implements AutoCloseable {

    public static final String HOST = env("SPRING_RABBITMQ_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("SPRING_RABBITMQ_PORT", "5672"));
    public static final String USER = env("SPRING_RABBITMQ_USERNAME", "guest");
    public static final String PASSWORD = env("SPRING_RABBITMQ_PASSWORD", "guest");

    private final String vhost;
    private CachingConnectionFactory connections;

    private RabbitBroker(String vhost) {
        this.vhost = vhost;
    }

    public static RabbitBroker withFreshVirtualHost() {
        if (!reachable()) {
            throw new IllegalStateException("RabbitMQ is not reachable on " + HOST + ":" + PORT
                    + "; run .ci/services.sh first (it installs and starts it on loopback)");
        }
        RabbitBroker broker = new RabbitBroker("gv-test-" + UUID.randomUUID());
        rabbitmqctl("add_vhost", broker.vhost);
        rabbitmqctl("set_permissions", "-p", broker.vhost, USER, ".*", ".*", ".*");
        return broker;
    }

    public String virtualHost() {
        return vhost;
    }

    /** Spring properties that point a context at this broker and virtual host. */
    List<String> springArgs() {
        return List.of("--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT,
                "--spring.rabbitmq.username=" + USER, "--spring.rabbitmq.password=" + PASSWORD,
                "--spring.rabbitmq.virtual-host=" + vhost);
    }

    /** A connection factory of the test's own, to look into queues. */
    synchronized CachingConnectionFactory connections() {
        if (connections == null) {
            connections = new CachingConnectionFactory(HOST, PORT);
            connections.setUsername(USER);
            connections.setPassword(PASSWORD);
            connections.setVirtualHost(vhost);
        }
        return connections;
    }

    void stopApp() {
        rabbitmqctl("stop_app");
    }

    void startApp() {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    public static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.destroy();
        }
        rabbitmqctl("delete_vhost", vhost);
    }

    static void rabbitmqctl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl (run .ci/services.sh first)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

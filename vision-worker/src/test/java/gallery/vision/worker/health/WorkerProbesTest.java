package gallery.vision.worker.health;

import gallery.vision.worker.VisionWorkerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's "probes" profile, which the Kubernetes manifests turn on (k8s/base/vision-worker.yaml): liveness,
 * readiness and the Prometheus scrape answer on HEALTH_PORT, no other actuator endpoint does, and a broker or bucket that cannot be reached
 * does not make the worker unready or dead (it reconnects by itself). No model is installed and neither the broker
 * nor the bucket listens: the probes depend on neither.
 */
class WorkerProbesTest {

    @Test
    void probesProfileServesLivenessAndReadinessOnly(@TempDir Path models) throws Exception {
        try (ConfigurableApplicationContext worker = startWithoutModelsBrokerOrBucket(models)) {
            int port = Integer.parseInt(worker.getEnvironment().getProperty("local.server.port"));

            assertThat(get(port, "/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
            assertThat(get(port, "/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
            assertThat(get(port, "/actuator/info")).startsWith("404");
        }
    }

    /**
     * The same port serves the worker's Prometheus scrape (k8s/base/vision-worker.yaml's scrape annotations point at
     * it): every job series of both lanes shows from the start, at zero.
     */
    @Test
    void probesProfileServesWorkerMetricsScrape(@TempDir Path models) throws Exception {
        try (ConfigurableApplicationContext worker = startWithoutModelsBrokerOrBucket(models)) {
            int port = Integer.parseInt(worker.getEnvironment().getProperty("local.server.port"));

            String scrape = get(port, "/actuator/prometheus");

            assertThat(scrape).startsWith("200 ");
            for (String lane : new String[] {"interactive", "bulk"}) {
                for (String outcome : new String[] {"answered", "replied_error", "requeued", "rejected"}) {
                    assertThat(scrape).contains("gallery_vision_worker_jobs_total{lane=\"" + lane + "\",outcome=\""
                            + outcome + "\"} 0.0");
                }
                assertThat(scrape).contains("gallery_vision_worker_redeliveries_total{lane=\"" + lane + "\"} 0.0");
            }
        }
    }

    /** The worker with the probes profile, no model installed, and nothing listening where broker and bucket are. */
    private static ConfigurableApplicationContext startWithoutModelsBrokerOrBucket(Path models) throws IOException {
        Files.writeString(models.resolve("manifest.json"), "[]\n");
        int closed = unusedPort();
        SpringApplication app = VisionWorkerApplication.configure(new SpringApplication(VisionWorkerApplication.class));
        return app.run(
                "--spring.profiles.active=probes",
                "--HEALTH_PORT=0",
                "--MODEL_DIR=" + models,
                "--spring.rabbitmq.port=" + closed,
                "--S3_ENDPOINT=http://127.0.0.1:" + closed);
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

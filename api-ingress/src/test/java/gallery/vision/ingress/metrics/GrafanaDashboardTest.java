package gallery.vision.ingress.metrics;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.PrometheusScrape;
import gallery.vision.worker.VisionWorkerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code k8s/base/grafana-dashboard.json} parses, and every metric its queries name is in a real scrape: the
 * embedded ingress' (which runs the networks too, so it has the inference timers) after one answered request, or a
 * worker's on its probes port (started in-process with no model, broker or bucket: its job counters exist from the
 * start).
 */
@EmbeddedIngressTest
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("../k8s/base/grafana-dashboard.json");
    /** Metric names in PromQL: this project's, and the JVM's and process' that Micrometer binds. */
    private static final Pattern METRIC = Pattern.compile("(?<![\\w.])((?:gallery_vision|jvm|process|http_server)_[a-z0-9_]+)");

    @LocalServerPort
    int port;

    @Test
    void everyQueriedMetricIsInTheIngressOrWorkerScrape(@TempDir Path models) throws IOException {
        List<String> queries = queries(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)));
        assertThat(queries).hasSizeGreaterThan(10);

        Http http = new Http(port);
        assertThat(http.postJpeg("/embeddings", TestJpegs.baseline(48, 48)).statusCode()).isEqualTo(200);
        Set<String> scraped = new TreeSet<>(PrometheusScrape.parse(http.get("/actuator/prometheus").body()).names());
        try (ConfigurableApplicationContext worker = startWorker(models)) {
            int workerPort = Integer.parseInt(worker.getEnvironment().getProperty("local.server.port"));
            scraped.addAll(PrometheusScrape.parse(new Http(workerPort).get("/actuator/prometheus").body()).names());
        }

        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            List<String> names = new ArrayList<>();
            while (metric.find()) {
                names.add(metric.group(1));
            }
            assertThat(names).as("metrics named by " + query).isNotEmpty();
            assertThat(scraped).as("scraped metrics, for " + query).containsAll(names);
        }
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.get("expr").asString());
            }
        }
        return queries;
    }

    private static ConfigurableApplicationContext startWorker(Path models) throws IOException {
        Files.writeString(models.resolve("manifest.json"), "[]\n");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return VisionWorkerApplication.configure(new SpringApplication(VisionWorkerApplication.class)).run(
                "--spring.profiles.active=probes",
                "--HEALTH_PORT=0",
                "--MODEL_DIR=" + models,
                "--spring.rabbitmq.port=" + closed,
                "--S3_ENDPOINT=http://127.0.0.1:" + closed);
    }
}

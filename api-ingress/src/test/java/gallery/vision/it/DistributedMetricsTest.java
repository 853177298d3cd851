package gallery.vision.it;

import gallery.vision.common.metrics.MetricNames;
import gallery.vision.ingress.support.PrometheusScrape;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics of distributed mode against the real broker and S3 server: the ingress times and counts the request,
 * the worker that ran the job counts and times it, and the ingress reports the broker's queue depth as jobs waiting.
 * Each test reads differences, since the cluster is shared.
 */
class DistributedMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REQUESTS = "gallery_vision_request_seconds_count";

    private static DistributedCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = DistributedCluster.start(1, "--MODEL_DIR=" + ModelSubsets.faces());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static PrometheusScrape ingressScrape() {
        HttpResponse<String> response = cluster.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    /** A worker meter's value summed over the cluster's workers. */
    private static double workers(Function<MeterRegistry, Double> value) {
        return cluster.workers().stream()
                .mapToDouble(worker -> value.apply(worker.context().getBean(MeterRegistry.class))).sum();
    }

    private static double workerJobs(String outcome) {
        return workers(registry -> {
            Counter counter = registry.find(MetricNames.WORKER_JOBS)
                    .tags(MetricNames.LANE, MetricNames.INTERACTIVE, MetricNames.OUTCOME, outcome).counter();
            return counter == null ? 0 : counter.count();
        });
    }

    private static double faceInferences() {
        return workers(registry -> {
            Timer timer = registry.find(MetricNames.INFERENCE).tags(MetricNames.ANALYSIS, "faces").timer();
            return timer == null ? 0 : (double) timer.count();
        });
    }

    @Test
    void countsFacesRequestOnIngressAndItsJobOnTheWorker() {
        Map<String, String> ok = Map.of("analysis", "faces", "outcome", "ok");
        Map<String, String> miss = Map.of("analysis", "faces", "result", "miss");
        PrometheusScrape before = ingressScrape();
        double answered = workerJobs("answered");
        double inferences = faceInferences();

        assertThat(cluster.post("/faces", UniqueJpegs.unique()).statusCode()).isEqualTo(200);

        Awaitility.await().atMost(PATIENCE).until(() -> ingressScrape().valueOrZero(REQUESTS, ok)
                == before.valueOrZero(REQUESTS, ok) + 1);
        assertThat(ingressScrape().valueOrZero("gallery_vision_stored_answers_total", miss))
                .isEqualTo(before.valueOrZero("gallery_vision_stored_answers_total", miss) + 1);
        assertThat(workerJobs("answered")).isEqualTo(answered + 1);
        assertThat(faceInferences()).isEqualTo(inferences + 1);
        assertThat(ingressScrape().names()).doesNotContain("gallery_vision_inference_seconds_count");
    }

    @Test
    void countsAnalysisThatNoWorkerServesAsUnavailableWithoutSendingAJob() {
        Map<String, String> unavailable = Map.of("analysis", "objects", "outcome", "unavailable");
        PrometheusScrape before = ingressScrape();
        double replied = workerJobs("replied_error");
        int received = cluster.control.jobsReceived();

        assertThat(cluster.post("/objects", UniqueJpegs.unique()).statusCode()).isEqualTo(503);

        Awaitility.await().atMost(PATIENCE).until(() -> ingressScrape().valueOrZero(REQUESTS, unavailable)
                == before.valueOrZero(REQUESTS, unavailable) + 1);
        assertThat(cluster.control.jobsReceived()).isEqualTo(received);
        assertThat(workerJobs("replied_error")).isEqualTo(replied);
    }
}

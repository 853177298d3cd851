package gallery.vision.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distributed mode with the broker and storage up but no worker at first: requests are refused at once, naming
 * their analysis, instead of waiting for the request timeout; a worker that takes a job and does not answer in time
 * gives the client a clean 504.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedModeWithoutWorkersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DistributedCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = DistributedCluster.start(0, "--gallery.ingress.request-timeout=1500ms");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1) // before any worker ran: the ingress trusts a seen consumer for a second after it left
    void answers503NamingTheAnalysisRatherThanWaitingWhenNoWorkerRuns() {
        for (String analysis : new String[] {"faces", "objects", "embeddings"}) {
            HttpResponse<String> response = cluster.post("/" + analysis, UniqueJpegs.unique());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(response.body()).get("error").asString())
                    .isEqualTo("no running worker has the model for " + analysis + ", retry later");
        }
    }

    @Test
    @Order(2)
    void answers504WhenAWorkerTakesTheJobButDoesNotAnswerWithinTheRequestTimeout() {
        DistributedCluster.Worker worker = cluster.startWorker("--MODEL_DIR=" + ModelSubsets.faces());
        try {
            cluster.control.holdNextAnalysis();
            CompletableFuture<HttpResponse<String>> response = cluster.postAsync("/faces", UniqueJpegs.unique());
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.control.holding().size() == 1);

            assertThat(response.join().statusCode()).isEqualTo(504);
            assertThat(JSON.readTree(response.join().body()).get("error").asString()).isEqualTo("no answer within PT1.5S");
        } finally {
            cluster.control.release();
            cluster.stopWorker(worker);
        }
    }
}

package gallery.vision.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Distributed mode with the broker and storage up but no worker at all: requests time out cleanly. */
class DistributedModeWithoutWorkersTest {

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
    void answers504WhenNoWorkerTakesTheJobWithinTheRequestTimeout() {
        HttpResponse<String> response = cluster.post("/faces", UniqueJpegs.unique());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(JsonMapper.builder().build().readTree(response.body()).get("error").asString())
                .isEqualTo("no answer within PT1.5S");
    }
}

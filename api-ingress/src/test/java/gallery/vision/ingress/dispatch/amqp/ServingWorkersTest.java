package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingWorkersTest {

    private final Map<String, Integer> consumers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final ServingWorkers workers = new ServingWorkers(queue -> {
        asked.add(queue);
        return consumers.getOrDefault(queue, 0);
    }, now::get, Duration.ofSeconds(1));

    @Test
    void failsWithNoWorkerNamingTheAnalysisWhenItsQueueHasNoConsumer() {
        consumers.put("gallery-vision.analyses.faces", 2);

        workers.require(AnalysisKind.FACES);
        assertThatThrownBy(() -> workers.require(AnalysisKind.OBJECTS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.NO_WORKER);
                    assertThat(e.getMessage()).isEqualTo("no running worker has the model for objects, retry later");
                });
    }

    @Test
    void asksTheBrokerAgainOnlyAfterAPositiveCountIsOlderThanItsTrust() {
        consumers.put("gallery-vision.analyses.embeddings", 1);

        workers.require(AnalysisKind.EMBEDDINGS);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        workers.require(AnalysisKind.EMBEDDINGS);
        assertThat(asked).hasSize(1);

        consumers.put("gallery-vision.analyses.embeddings", 0);
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertThatThrownBy(() -> workers.require(AnalysisKind.EMBEDDINGS)).isInstanceOf(ApiException.class);
        assertThat(asked).hasSize(2);
    }

    @Test
    void usesAWorkerThatJustStartedAtOnce() {
        assertThatThrownBy(() -> workers.require(AnalysisKind.FACES)).isInstanceOf(ApiException.class);

        consumers.put("gallery-vision.analyses.faces", 1);

        workers.require(AnalysisKind.FACES);
        assertThat(asked).hasSize(2);
    }
}

package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class JobRoutingTest {

    @Test
    void routesJobsPerAnalysis() {
        assertThat(JobRouting.jobRoutingKey(AnalysisKind.EMBEDDINGS)).isEqualTo("analyze.embeddings");
    }

    @Test
    void givesEveryAnalysisAnInteractiveAndABulkQueueOfItsOwn() {
        assertThat(JobRouting.jobQueue(AnalysisKind.FACES)).isEqualTo("gallery-vision.analyses.faces");
        assertThat(JobRouting.bulkQueue(AnalysisKind.FACES)).isEqualTo("gallery-vision.bulk.faces");
        assertThat(Arrays.stream(AnalysisKind.values()).flatMap(kind -> java.util.stream.Stream.of(
                JobRouting.jobQueue(kind), JobRouting.bulkQueue(kind))).distinct())
                .hasSize(2 * AnalysisKind.values().length)
                .doesNotContain(JobRouting.DEAD_LETTER_QUEUE, JobRouting.DEAD_LETTER_REPLIES_QUEUE);
    }
}

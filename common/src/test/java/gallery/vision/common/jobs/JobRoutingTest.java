package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobRoutingTest {

    @Test
    void routesJobsPerAnalysis() {
        assertThat(JobRouting.jobRoutingKey(AnalysisKind.EMBEDDINGS)).isEqualTo("analyze.embeddings");
    }
}

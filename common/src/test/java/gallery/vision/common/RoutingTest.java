package gallery.vision.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTest {

    private static final String SHA1 = "c3328f60fd4fc6c85bfff3fdba9e2f067c135e5f";

    @Test
    void fansImageKeysOutOverTwoLevels() {
        assertThat(Routing.imageKey(SHA1)).isEqualTo("images/c3/32/" + SHA1 + ".jpg");
    }

    @Test
    void keysResultsByAnalysisModelAndVersion() {
        assertThat(Routing.resultKey(AnalysisKind.FACES, new ModelRef("face-api", "1.7.15"), SHA1))
                .isEqualTo("results/faces/face-api/1.7.15/c3/32/" + SHA1 + ".json");
    }

    @Test
    void refusesAnythingButALowerCaseSha1() {
        assertThatThrownBy(() -> Routing.imageKey("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Routing.imageKey(SHA1.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesJobsPerAnalysis() {
        assertThat(Routing.jobRoutingKey(AnalysisKind.EMBEDDINGS)).isEqualTo("analyze.embeddings");
    }

    @Test
    void formatsTimestampsWithMillisecondsLikeJavaScript() {
        assertThat(gallery.vision.common.answer.Timestamps.iso(java.time.Instant.parse("2021-02-28T07:15:11Z")))
                .isEqualTo("2021-02-28T07:15:11.000Z");
    }
}

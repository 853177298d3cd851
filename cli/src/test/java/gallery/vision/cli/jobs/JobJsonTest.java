package gallery.vision.cli.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static gallery.vision.cli.analysis.Analysis.FACES;
import static gallery.vision.cli.analysis.Analysis.OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class JobJsonTest {

    @Test
    void keepsEachAnswerAsTheServerWroteIt() {
        String faces = "{\"srcSha1sum\":\"ab\",\"data\":[{\"age\":40.70,\"descriptor\":[2e-7,-0.0,1E+2]}],\"s\":\"}{\\\"\"}";
        String objects = "{ \"data\" : [ ] }";
        String body = "{\"id\":\"j1\",\"status\":\"done\",\"srcSha1sum\":\"ab\",\"results\":{\"faces\":" + faces
                + ",\"objects\":" + objects + "},\"errors\":{}}";

        JobState job = JobJson.parse(body, Optional.of(Duration.ofSeconds(2)));

        assertThat(job.id()).isEqualTo("j1");
        assertThat(job.status()).isEqualTo("done");
        assertThat(job.srcSha1sum()).isEqualTo("ab");
        assertThat(job.results()).containsOnly(entry(FACES, faces), entry(OBJECTS, objects));
        assertThat(job.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void readsOnlyTheTopLevelResultsAndSkipsUnknownAnalyses() {
        String body = "{\"nested\":{\"results\":{\"faces\":{}}},\"results\":{\"embeddings\":{\"data\":[1]},"
                + "\"colours\":{\"data\":[2]}},\"id\":\"x\",\"status\":\"running\"}";

        JobState job = JobJson.parse(body, Optional.empty());

        assertThat(job.results()).containsOnlyKeys(gallery.vision.cli.analysis.Analysis.EMBEDDINGS);
        assertThat(job.status()).isEqualTo("running");
    }

    @Test
    void readsEachFailureWithItsStatusAndMessage() {
        String body = "{\"id\":\"x\",\"status\":\"failed\",\"results\":{},\"errors\":{\"faces\":{\"status\":503,"
                + "\"error\":\"model for faces is not installed\",\"extra\":[1]},\"objects\":{\"error\":7}}}";

        JobState job = JobJson.parse(body, Optional.empty());

        assertThat(job.errors()).containsOnly(
                entry(FACES, new JobState.AnalysisError(503, "model for faces is not installed")),
                entry(OBJECTS, new JobState.AnalysisError(0, "")));
        assertThat(job.results()).isEmpty();
    }

    @Test
    void answersNullForJsonThatIsNotAnObjectAndFailsOnBrokenJson() {
        assertThat(JobJson.parse("[1,2]", Optional.empty())).isNull();
        assertThatThrownBy(() -> JobJson.parse("{\"id\":", Optional.empty()))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }
}

package gallery.vision.cli.plan;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.AnswerStamp;
import gallery.vision.cli.analysis.ServerModels;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static gallery.vision.cli.analysis.Analysis.EMBEDDINGS;
import static gallery.vision.cli.analysis.Analysis.FACES;
import static gallery.vision.cli.analysis.Analysis.OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;

class WorkPlannerTest {

    private static final ServerModels SERVER = new ServerModels(Map.of(
            EMBEDDINGS, new AnswerStamp("nsfw-mobilenet-v2-features", "nsfwjs-4.4.0"),
            OBJECTS, new AnswerStamp("centernet-mobilenet-v3", "human-models-3.0.4"),
            FACES, new AnswerStamp("face-api", "1.7.15")));
    private static final Set<Analysis> ALL = EnumSet.allOf(Analysis.class);

    /** Stored answers: a stamp, or an empty Optional for a file that is present but unreadable. */
    private static ExistingAnswers stored(Map<Analysis, Optional<AnswerStamp>> answers) {
        return new ExistingAnswers() {
            @Override
            public boolean has(Analysis analysis) {
                return answers.containsKey(analysis);
            }

            @Override
            public Optional<AnswerStamp> stamp(Analysis analysis) {
                return answers.getOrDefault(analysis, Optional.empty());
            }
        };
    }

    private static final ExistingAnswers ORIGINAL_SERVER = stored(Map.of(
            EMBEDDINGS, Optional.of(new AnswerStamp("mobilenet", "v1")),
            OBJECTS, Optional.of(new AnswerStamp("centernet-mobilenet-v3", "human-models-3.0.4")),
            FACES, Optional.of(new AnswerStamp("face-api", null))));

    @Test
    void missingPlansOnlyAbsentAnswers() {
        ExistingAnswers objectsOnly = stored(Map.of(OBJECTS, Optional.of(new AnswerStamp("old", "0"))));

        assertThat(new WorkPlanner(Mode.MISSING, ALL, SERVER).plan(objectsOnly)).containsExactly(EMBEDDINGS, FACES);
        assertThat(new WorkPlanner(Mode.MISSING, ALL, SERVER).plan(ORIGINAL_SERVER)).isEmpty();
    }

    @Test
    void stalePlansAnswersOfAnotherModelOrVersionOrWithoutOne() {
        assertThat(new WorkPlanner(Mode.STALE, ALL, SERVER).plan(ORIGINAL_SERVER)).containsExactly(EMBEDDINGS, FACES);
    }

    @Test
    void staleKeepsAnswersOfTheCurrentModels() {
        ExistingAnswers current = stored(Map.of(
                EMBEDDINGS, SERVER.stamp(EMBEDDINGS), OBJECTS, SERVER.stamp(OBJECTS), FACES, SERVER.stamp(FACES)));

        assertThat(new WorkPlanner(Mode.STALE, ALL, SERVER).plan(current)).isEmpty();
    }

    @Test
    void staleRedoesAnUnreadableAnswer() {
        ExistingAnswers unreadable = stored(Map.of(FACES, Optional.empty()));

        assertThat(new WorkPlanner(Mode.STALE, EnumSet.of(FACES), SERVER).plan(unreadable)).containsExactly(FACES);
    }

    @Test
    void allPlansEveryRequestedAnalysis() {
        assertThat(new WorkPlanner(Mode.ALL, EnumSet.of(OBJECTS, FACES), SERVER).plan(ORIGINAL_SERVER))
                .containsExactly(OBJECTS, FACES);
    }

    @Test
    void plansOnlyRequestedAnalyses() {
        assertThat(new WorkPlanner(Mode.MISSING, EnumSet.of(FACES), SERVER).plan(stored(Map.of())))
                .containsExactly(FACES);
    }
}

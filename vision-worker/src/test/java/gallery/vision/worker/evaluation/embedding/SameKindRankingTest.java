package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SameKindRankingTest {

    @Test
    void ranksSameKindFirstWhenEachKindClustersTogether() {
        List<float[]> embeddings = List.of(new float[] {1, 0}, new float[] {0.9f, 0.1f},
                new float[] {0, 1}, new float[] {0.1f, 0.9f});

        List<SameKindRanking.KindResult> results =
                SameKindRanking.evaluate(embeddings, List.of(List.of("dog"), List.of("dog"), List.of("food"), List.of("food")));

        assertThat(results).containsExactly(
                new SameKindRanking.KindResult("dog", 2, 1.0, 2.0, 1.0),
                new SameKindRanking.KindResult("food", 2, 1.0, 2.0, 1.0));
    }

    @Test
    void reportsLowRanksWhenAnotherKindComesBetween() {
        // dog 1 and dog 2 are orthogonal; the cat lies near both, so it ranks first for each dog.
        List<float[]> embeddings = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {0.9f, 0.1f});

        List<SameKindRanking.KindResult> results =
                SameKindRanking.evaluate(embeddings, List.of(List.of("dog"), List.of("dog"), List.of("cat")));

        assertThat(results).containsExactly(new SameKindRanking.KindResult("dog", 2, 2.0, 1.5, 0.0));
    }

    @Test
    void groupsPhotosByEveryTagTheyCarry() {
        // Two dogs and a cat, all animals; the cat lies between the dogs.
        List<float[]> embeddings = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {0.9f, 0.1f});

        List<SameKindRanking.KindResult> results = SameKindRanking.evaluate(embeddings,
                List.of(List.of("dog", "animal"), List.of("dog", "animal"), List.of("cat", "animal")));

        // animal: every other photo is an animal, so ranks 1 and 2 for each query; dog as above; cat alone: left out.
        assertThat(results).containsExactly(
                new SameKindRanking.KindResult("animal", 3, 1.5, 1.5, 1.0),
                new SameKindRanking.KindResult("dog", 2, 2.0, 1.5, 0.0));
    }
}

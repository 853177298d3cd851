package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetrievalTest {

    private final List<float[]> gallery = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1});

    @Test
    void findsTheMostSimilarGalleryVector() {
        assertThat(Retrieval.nearest(new float[] {0.9f, 0.1f}, gallery)).isEqualTo(0);
        assertThat(Retrieval.nearest(new float[] {0.1f, 0.9f}, gallery)).isEqualTo(1);
        assertThat(Retrieval.nearest(new float[] {1, 0.9f}, gallery)).isEqualTo(2);
    }

    @Test
    void givesTiesToTheLowerIndex() {
        List<float[]> twins = List.of(new float[] {1, 1}, new float[] {2, 2});

        assertThat(Retrieval.nearest(new float[] {3, 3}, twins)).isEqualTo(0);
    }

    @Test
    void recallAt1CountsQueriesWhoseNearestIsTheirOriginal() {
        List<float[]> queries = List.of(new float[] {0.9f, 0.1f}, new float[] {0.1f, 0.9f}, new float[] {1, 0.1f});

        assertThat(Retrieval.recallAt1(queries, new int[] {0, 1, 2}, gallery)).isEqualTo(2.0 / 3);
        assertThat(Retrieval.recallAt1(queries, new int[] {0, 1, 0}, gallery)).isEqualTo(1.0);
    }
}

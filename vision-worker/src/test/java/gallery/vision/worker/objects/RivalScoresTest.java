package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RivalScoresTest {

    private static ScoredBox box(float left, float score, int cls) {
        return new ScoredBox(left, 0f, left + 0.4f, 0.4f, score, cls);
    }

    @Test
    void isTheBestScoreOfAnotherClassOverlappingBeyondTheThreshold() {
        ScoredBox sheep = box(0.1f, 0.45f, 18);
        List<ScoredBox> candidates = List.of(sheep, box(0.12f, 0.2f, 16), box(0.11f, 0.3f, 21), box(0.1f, 0.4f, 18));

        assertThat(RivalScores.of(sheep, candidates, 0.5f)).isEqualTo(0.3f);
    }

    @Test
    void isZeroWithoutAnOverlappingBoxOfAnotherClass() {
        ScoredBox sheep = box(0.1f, 0.45f, 18);

        assertThat(RivalScores.of(sheep, List.of(sheep, box(0.35f, 0.4f, 16), box(0.1f, 0.44f, 18)), 0.5f)).isZero();
    }
}

package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;

import java.util.List;

import static gallery.vision.worker.objects.NonMaxSuppressionTest.box;
import static org.assertj.core.api.Assertions.assertThat;

class RivalScoresTest {

    private static final int DOG = 16;
    private static final int SHEEP = 18;
    private static final int BEAR = 21;

    @Test
    void isTheBestScoreOfAnotherClassOverlappingBeyondTheThreshold() {
        ScoredBox sheep = box(0.1f, 0.45f, SHEEP);
        List<ScoredBox> candidates = List.of(sheep, box(0.12f, 0.2f, DOG), box(0.11f, 0.3f, BEAR),
                box(0.1f, 0.4f, SHEEP));

        assertThat(RivalScores.of(sheep, candidates, 0.5f)).isEqualTo(0.3f);
    }

    @Test
    void isZeroWithoutAnOverlappingBoxOfAnotherClass() {
        ScoredBox sheep = box(0.1f, 0.45f, SHEEP);
        List<ScoredBox> candidates = List.of(sheep, box(0.25f, 0.4f, DOG), box(0.1f, 0.44f, SHEEP));

        assertThat(RivalScores.of(sheep, candidates, 0.5f)).isZero();
    }
}

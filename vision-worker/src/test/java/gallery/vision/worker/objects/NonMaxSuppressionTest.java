package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NonMaxSuppressionTest {

    /** A 0.2 x 0.2 box at the top, {@code left} from the left edge. */
    static ScoredBox box(float left, float score, int cls) {
        return new ScoredBox(left, 0f, left + 0.2f, 0.2f, score, cls);
    }

    @Test
    void dropsLowerScoredBoxOverlappingAKeptOneAcrossClasses() {
        ScoredBox best = box(0f, 0.9f, 0);
        ScoredBox overlapping = box(0.01f, 0.8f, 5);
        ScoredBox apart = box(0.5f, 0.3f, 0);

        List<ScoredBox> kept = new NonMaxSuppression(0.5f, 20).apply(List.of(apart, overlapping, best));

        assertThat(kept).containsExactly(best, apart);
    }

    @Test
    void keepsBoxesWhoseOverlapIsAtMostTheThreshold() {
        ScoredBox a = box(0f, 0.9f, 0);
        ScoredBox halfOver = box(0.1f, 0.8f, 0); // IoU = 0.1 / 0.3 = 1/3

        assertThat(new NonMaxSuppression(0.5f, 20).apply(List.of(a, halfOver))).hasSize(2);
        assertThat(new NonMaxSuppression(0.3f, 20).apply(List.of(a, halfOver))).containsExactly(a);
    }

    @Test
    void keepsAtMostMaxBoxesByScore() {
        List<ScoredBox> kept = new NonMaxSuppression(0.5f, 2).apply(
                List.of(box(0f, 0.2f, 0), box(0.3f, 0.7f, 0), box(0.6f, 0.5f, 0)));

        assertThat(kept).extracting(ScoredBox::score).containsExactly(0.7f, 0.5f);
    }
}

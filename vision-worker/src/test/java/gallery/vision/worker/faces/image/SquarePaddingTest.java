package gallery.vision.worker.faces.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SquarePaddingTest {

    @Test
    void detectorPaddingGoesAfterTheImage() {
        assertThat(SquarePadding.of(300, 188, false)).isEqualTo(new SquarePadding(300, 0, 0));
        assertThat(SquarePadding.of(100, 1000, false)).isEqualTo(new SquarePadding(1000, 0, 0));
    }

    @Test
    void centredPaddingPutsTheRoundedHalfAfterAndTheRestBefore() {
        // diff 3: round(1.5) = 2 after, 1 before
        assertThat(SquarePadding.of(10, 13, true)).isEqualTo(new SquarePadding(13, 1, 0));
        assertThat(SquarePadding.of(13, 10, true)).isEqualTo(new SquarePadding(13, 0, 1));
        // diff 4: 2 and 2
        assertThat(SquarePadding.of(14, 10, true)).isEqualTo(new SquarePadding(14, 0, 2));
    }

    @Test
    void squareImageIsNotPadded() {
        assertThat(SquarePadding.of(7, 7, true)).isEqualTo(new SquarePadding(7, 0, 0));
    }
}

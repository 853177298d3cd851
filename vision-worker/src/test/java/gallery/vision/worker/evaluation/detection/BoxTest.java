package gallery.vision.worker.evaluation.detection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoxTest {

    @Test
    void iouIsOneForTheSameBoxAndZeroForDisjointBoxes() {
        Box box = new Box(10, 20, 30, 40);

        assertThat(box.iou(new Box(10, 20, 30, 40))).isEqualTo(1.0);
        assertThat(box.iou(new Box(100, 20, 30, 40))).isZero();
        assertThat(box.iou(new Box(40, 20, 30, 40))).isZero(); // touching edges
    }

    @Test
    void iouOfHalfOverlappingSquaresIsOneThird() {
        // intersection 5x10 = 50, union 100 + 100 - 50 = 150
        assertThat(new Box(0, 0, 10, 10).iou(new Box(5, 0, 10, 10))).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void scalesPositionAndSize() {
        assertThat(new Box(10, 20, 30, 40).scaled(0.5, 2)).isEqualTo(new Box(5, 40, 15, 80));
    }
}

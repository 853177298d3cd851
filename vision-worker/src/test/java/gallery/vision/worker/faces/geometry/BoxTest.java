package gallery.vision.worker.faces.geometry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxTest {

    @Test
    void padGrowsHalfOnEachSide() {
        assertThat(new Box(10, 20, 30, 40).pad(6, 8)).isEqualTo(new Box(7, 16, 36, 48));
    }

    @Test
    void clipAtImageBordersCutsThenFloors() {
        assertThat(new Box(-3.5, 2.7, 20, 10).clipAtImageBorders(10, 10)).isEqualTo(new Box(0, 2, 10, 7));
    }

    @Test
    void boxOutsideTheImageClipsToEmpty() {
        assertThat(new Box(12, 1, 3, 3).clipAtImageBorders(10, 10).isEmpty()).isTrue();
    }

    @Test
    void detectionForSizeRoundTripsThroughTheRelativeBox() {
        Detection detection = Detection.ofRelative(0.9, new Box(0.1, 0.2, 0.3, 0.4), 300, 188);
        assertThat(detection.box().x()).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-12));
        Detection resized = detection.forSize(600, 376);
        assertThat(resized.box().width()).isCloseTo(180, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(resized.score()).isEqualTo(0.9);
    }

    @Test
    void centerSumsFromTheOriginAndDividesOnce() {
        assertThat(Point.center(java.util.List.of(new Point(0, 0), new Point(3, 6), new Point(6, 0))))
                .isEqualTo(new Point(3, 2));
    }
}

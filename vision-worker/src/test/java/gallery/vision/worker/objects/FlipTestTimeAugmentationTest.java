package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two steps of flip test-time augmentation around the network: mirroring its input, averaging its outputs. */
class FlipTestTimeAugmentationTest {

    @Test
    void mirrorsASquareInterleavedImageLeftToRight() {
        float[] hwc = {
                1, 2, 3, 4, 5, 6,
                7, 8, 9, 10, 11, 12};

        assertThat(DetectorTranslator.mirror(hwc, 2)).containsExactly(
                4, 5, 6, 1, 2, 3,
                10, 11, 12, 7, 8, 9);
    }

    @Test
    void averagesEachOutputElementWise() {
        Map<String, float[]> mean = MirrorAveraging.average(Map.of("heat", new float[] {0.2f, 0.6f}),
                Map.of("heat", new float[] {0.4f, 0.0f}));

        assertThat(mean.get("heat")).containsExactly(0.3f, 0.3f);
    }

    @Test
    void refusesOutputsOfDifferentShapes() {
        assertThatThrownBy(() -> MirrorAveraging.average(Map.of("heat", new float[2]), Map.of("heat", new float[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heat");
    }
}

package gallery.vision.worker.embeddings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HomeGalleryShapingTest {

    private static final HomeGalleryShaping SHAPING = HomeGalleryShaping.parse("test", List.of(
            "# comment", "scale\t2", "1.0\t0.5", "0.0\t2.0"));

    @Test
    void centresDividesScalesAndSplitsIntoPositiveThenNegativeParts() {
        // feature 0: (2 - 1) / 0.5 * 2 = 4; feature 1: (-1 - 0) / 2 * 2 = -1
        assertThat(SHAPING.apply(new float[] {2, -1})).containsExactly(4f, 0f, 0f, 1f);
        assertThat(SHAPING.apply(new float[] {1, 0})).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void answersOnlyNonNegativeValuesAndEachFeatureRisesInItsPositiveHalf() {
        Random random = new Random(3);
        float previous = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < 200; i++) {
            float[] out = SHAPING.apply(new float[] {random.nextFloat() * 6 - 3, random.nextFloat() * 6 - 3});
            for (float v : out) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
            assertThat(out[0] == 0 || out[2] == 0).as("one of the two halves is zero").isTrue();
        }
        for (float x = -3; x <= 3; x += 0.25f) {
            float[] out = SHAPING.apply(new float[] {x, 0});
            float signed = out[0] - out[2];
            assertThat(signed).isGreaterThan(previous);
            previous = signed;
        }
    }

    @Test
    void rejectsMalformedParametersAndWrongLengths() {
        assertThatThrownBy(() -> HomeGalleryShaping.parse("t", List.of("1.0\t0.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> HomeGalleryShaping.parse("t", List.of("scale\t1", "1.0\t0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> SHAPING.apply(new float[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shipsParametersForEveryFeatureOfTheServicesEmbedder() {
        EmbeddingTransform shipped = HomeGalleryShaping.forEmbedder(EmbeddingsConfiguration.EMBEDDER.name());

        assertThat(shipped).isInstanceOf(HomeGalleryShaping.class);
        assertThat(shipped.apply(new float[1792])).hasSize(3584);
        assertThat(HomeGalleryShaping.forEmbedder("no-such-embedder")).isSameAs(EmbeddingTransform.NONE);
    }
}

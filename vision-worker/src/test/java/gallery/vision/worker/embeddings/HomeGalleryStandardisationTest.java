package gallery.vision.worker.embeddings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HomeGalleryStandardisationTest {

    /** Two features: z1 = (x1 - 1) / 2, z2 = (x2 + 0.5) / 0.25. */
    private static final HomeGalleryStandardisation TWO = HomeGalleryStandardisation.parse("test",
            List.of("# comment", "1.0\t2", "-0.5\t0.25"));

    @Test
    void standardisesEachFeatureAndSplitsIntoPositiveThenNegativeParts() {
        // x = (5, -1): z1 = 2, z2 = -2
        assertThat(TWO.apply(new float[] {5, -1})).containsExactly(2f, 0f, 0f, 2f);
        assertThat(TWO.apply(new float[] {1, -0.5f})).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void rejectsMalformedParametersAndFeaturesOfAnotherLength() {
        assertThatThrownBy(() -> HomeGalleryStandardisation.parse("t", List.of("1.0\t2\t3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean TAB divisor");
        assertThatThrownBy(() -> HomeGalleryStandardisation.parse("t", List.of("# only a comment")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line per feature");
        assertThatThrownBy(() -> HomeGalleryStandardisation.parse("t", List.of("1.0\t0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> TWO.apply(new float[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shipsAStandardisationOfTheServicesColourAndGrayFeatures() {
        EmbeddingTransform shipped = HomeGalleryStandardisation.forEmbedder(EmbeddingsConfiguration.EMBEDDER.name());

        assertThat(shipped).isInstanceOf(HomeGalleryStandardisation.class);
        float[] out = shipped.apply(new float[2 * 1792]);
        assertThat(out).hasSize(7168);
        for (float v : out) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
        assertThat(HomeGalleryStandardisation.forEmbedder("no-such-embedder")).isSameAs(EmbeddingTransform.NONE);
    }
}

package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HomeGallerySimilarityTest {

    @Test
    void packsEveryThirdValuesCodeFourPerByteFromTheHighBits() {
        // kept values 2.875, 0, 1.0, 0.3 -> codes 3, 0, 2, 1 -> 0b11001001 = 0xC9 -> "yQ=="
        assertThat(HomeGallerySimilarity.hash(new float[] {2.875f, 9, 9, 0, 9, 9, 1.0f, 9, 9, 0.3f}))
                .isEqualTo("yQ==");
        // five kept values: the second byte holds the fifth code in its high bits
        assertThat(HomeGallerySimilarity.hash(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6}))
                .isEqualTo("AMA=");
    }

    @Test
    void comparesTheSquaredCodesByCosine() {
        String a = HomeGallerySimilarity.hash(new float[] {3, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // codes 3 0 0 0
        String b = HomeGallerySimilarity.hash(new float[] {3, 0, 0, 0, 0, 0, 1, 0, 0, 0.3f}); // codes 3 0 2 1

        assertThat(HomeGallerySimilarity.similarity(a, a)).isCloseTo(1, within(1e-12));
        // squared codes / 9: (1, 0, 0, 0) and (1, 0, 4/9, 1/9): 1 / sqrt(1 + 16/81 + 1/81)
        assertThat(HomeGallerySimilarity.similarity(a, b)).isCloseTo(1 / Math.sqrt(98.0 / 81), within(1e-12));
        assertThat(HomeGallerySimilarity.similarity(b, a)).isCloseTo(1 / Math.sqrt(98.0 / 81), within(1e-12));
    }

    @Test
    void allZeroCodesGiveNaNWhichTheSimilarViewStillShows() {
        String zero = HomeGallerySimilarity.hash(new float[] {0, 0, 0, 0.01f});
        String one = HomeGallerySimilarity.hash(new float[] {3, 0, 0, 0});

        assertThat(HomeGallerySimilarity.similarity(zero, one)).isNaN();
        assertThat(HomeGallerySimilarity.shown(Double.NaN)).isTrue();
        assertThat(HomeGallerySimilarity.shown(0.5)).isTrue();
        assertThat(HomeGallerySimilarity.shown(0.4999)).isFalse();
    }
}

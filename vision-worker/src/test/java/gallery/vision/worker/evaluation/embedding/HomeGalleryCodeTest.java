package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HomeGalleryCodeTest {

    @Test
    void mapsValuesThroughScaleClampSquareRootAndRounding() {
        assertThat(HomeGalleryCode.code(-1)).isZero();
        assertThat(HomeGalleryCode.code(0)).isZero();
        assertThat(HomeGalleryCode.code(0.05)).isZero();   // 3 * sqrt(0.0174) = 0.40
        assertThat(HomeGalleryCode.code(0.3)).isEqualTo(1); // 3 * sqrt(0.1043) = 0.97
        assertThat(HomeGalleryCode.code(1.0)).isEqualTo(2); // 3 * sqrt(0.3478) = 1.77
        assertThat(HomeGalleryCode.code(1.9)).isEqualTo(2); // 3 * sqrt(0.6609) = 2.44
        assertThat(HomeGalleryCode.code(2.0)).isEqualTo(3); // 3 * sqrt(0.6957) = 2.50
        assertThat(HomeGalleryCode.code(2.875)).isEqualTo(3);
        assertThat(HomeGalleryCode.code(6)).isEqualTo(3);
    }

    @Test
    void keepsEveryThirdValueStartingWithTheFirst() {
        float[] codes = HomeGalleryCode.encode(new float[] {2.875f, 9, 9, 0, 9, 9, 1.0f});

        assertThat(codes).containsExactly(3f, 0f, 2f);
    }
}

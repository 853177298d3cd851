package gallery.vision.worker.faces.landmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LandmarkDecoderTest {

    @Test
    void removesAnEvenSplitOfThePaddingOnTheShortAxisAndScalesByTheCrop() {
        // 50x100 crop in a 112 input: scaled 56 x 112, 28 columns of padding assumed on each side
        float[] out = new float[136];
        out[0] = 0.5f;
        out[1] = 0.5f;
        out[2] = 0.25f;
        out[3] = 1f;
        float[] relative = LandmarkDecoder.relativePositions(out, 112, 50, 100);
        assertThat(relative[0]).isEqualTo(0.5f);
        assertThat(relative[1]).isEqualTo(0.5f);
        assertThat(relative[2]).isEqualTo(0f);
        assertThat(relative[3]).isEqualTo(1f);
    }

    @Test
    void wideCropIsPaddedVertically() {
        float[] out = new float[136];
        out[1] = 0.25f;
        float[] relative = LandmarkDecoder.relativePositions(out, 112, 100, 50);
        assertThat(relative[0]).isEqualTo(0f);
        assertThat(relative[1]).isEqualTo(0f);
    }
}

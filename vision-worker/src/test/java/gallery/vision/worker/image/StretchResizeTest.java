package gallery.vision.worker.image;

import gallery.vision.common.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StretchResizeTest {

    @Test
    void samplesSourceAtOutputIndexTimesScaleLikeTfResizeBilinearWithoutHalfPixelCentres() {
        // 4x1 grey ramp 0, 100, 200, 250 resized to 2x1: samples at x = 0 and x = 2
        byte[] rgb = new byte[12];
        int[] values = {0, 100, 200, 250};
        for (int i = 0; i < 4; i++) {
            rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = (byte) values[i];
        }

        float[] out = new StretchResize(2, 1).apply(new RgbImage(4, 1, rgb));

        assertThat(out).containsExactly(new float[] {0, 0, 0, 200, 200, 200}, within(1e-4f));
    }

    @Test
    void interpolatesBetweenNeighboursAndClampsAtTheLastPixel() {
        // 2x1 (0 and 100) to 4x1: positions 0, 0.5, 1, 1.5 -> 0, 50, 100, 100 (clamped)
        byte[] rgb = {0, 0, 0, 100, 100, 100};

        float[] out = new StretchResize(4, 1).apply(new RgbImage(2, 1, rgb));

        assertThat(out).containsExactly(new float[] {0, 0, 0, 50, 50, 50, 100, 100, 100, 100, 100, 100},
                within(1e-4f));
    }

    @Test
    void pixelScalingMapsToSignedUnitRange() {
        assertThat(PixelScaling.SIGNED_UNIT.apply(new float[] {0, 127.5f, 255}))
                .containsExactly(new float[] {-1, 0, 1}, within(1e-6f));
    }
}

package gallery.vision.worker.faces.image;

import gallery.vision.common.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BilinearResizeTest {

    /** A grey image (R = G = B) from row-major values. */
    private static RgbImage grey(int width, int height, int... values) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < values.length; i++) {
            rgb[i * 3] = (byte) values[i];
            rgb[i * 3 + 1] = (byte) values[i];
            rgb[i * 3 + 2] = (byte) values[i];
        }
        return new RgbImage(width, height, rgb);
    }

    private static float[] red(float[] rgb) {
        float[] red = new float[rgb.length / 3];
        for (int i = 0; i < red.length; i++) {
            red[i] = rgb[i * 3];
        }
        return red;
    }

    @Test
    void upscalingSamplesAtIndexTimesRatioAndClampsTheLastRowAndColumn() {
        RgbImage image = grey(2, 2, 0, 100, 200, 40);
        float[] out = new float[4 * 4 * 3];
        BilinearResize.resize(PixelRegion.wholeImage(image), 4, out, 0);
        // sources 0, 0.5, 1, 1.5 (clamped to 1) on both axes, no half-pixel centres
        assertThat(red(out)).containsExactly(
                0, 50, 100, 100,
                100, 85, 70, 70,
                200, 120, 40, 40,
                200, 120, 40, 40);
    }

    @Test
    void downscalingByTwoPicksEveryOtherPixelFromTheTopLeft() {
        RgbImage image = grey(4, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        float[] out = new float[2 * 2 * 3];
        BilinearResize.resize(PixelRegion.wholeImage(image), 2, out, 0);
        assertThat(red(out)).containsExactly(1, 3, 9, 11);
    }

    @Test
    void paddingReadsAsZeroAndFollowsTheRegion() {
        RgbImage image = grey(2, 1, 80, 160);
        float[] out = new float[2 * 2 * 3];
        BilinearResize.resize(PixelRegion.wholeImage(image), 2, out, 0);
        assertThat(red(out)).containsExactly(80, 160, 0, 0);
    }

    @Test
    void centredCropIsPaddedOnBothSidesOfTheShortAxis() {
        // 3x1 crop from the middle row of a 3x3 image, padded to 3x3: one row before, one after
        RgbImage image = grey(3, 3, 9, 9, 9, 10, 20, 30, 9, 9, 9);
        float[] out = new float[3 * 3 * 3];
        BilinearResize.resize(PixelRegion.centredCrop(image, 0, 1, 3, 1), 3, out, 0);
        assertThat(red(out)).containsExactly(0, 0, 0, 10, 20, 30, 0, 0, 0);
    }

    @Test
    void writesAtTheGivenOffsetAndKeepsChannelsApart() {
        byte[] rgb = {10, 20, 30};
        float[] out = new float[3 + 3];
        BilinearResize.resize(PixelRegion.wholeImage(new RgbImage(1, 1, rgb)), 1, out, 3);
        assertThat(out).containsExactly(0, 0, 0, 10, 20, 30);
    }
}

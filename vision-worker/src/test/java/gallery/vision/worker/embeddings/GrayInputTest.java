package gallery.vision.worker.embeddings;

import gallery.vision.common.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrayInputTest {

    private static RgbImage pixels(int... rgb) {
        byte[] bytes = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            bytes[i] = (byte) rgb[i];
        }
        return new RgbImage(rgb.length / 3, 1, bytes);
    }

    @Test
    void setsEveryChannelToTheRoundedBt601LumaOfThePixel() {
        RgbImage colour = pixels(255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 10, 200, 90);

        RgbImage gray = GrayInput.apply(colour);

        // 0.299 * 255 = 76.2, 0.587 * 255 = 149.7, 0.114 * 255 = 29.1, 3.0 + 117.4 + 10.3 = 130.7
        assertThat(gray.rgb()).containsExactly(pixels(76, 76, 76, 150, 150, 150, 29, 29, 29, 255, 255, 255,
                131, 131, 131).rgb());
        assertThat(gray.width()).isEqualTo(5);
        assertThat(gray.height()).isEqualTo(1);
        assertThat(colour.rgb()[0]).as("input untouched").isEqualTo((byte) 255);
    }

    @Test
    void leavesEveryGrayLevelAsItIsSoAGrayCopyGivesTheSameInputAsItsOriginal() {
        int[] levels = new int[256 * 3];
        for (int v = 0; v < 256; v++) {
            levels[3 * v] = v;
            levels[3 * v + 1] = v;
            levels[3 * v + 2] = v;
        }
        RgbImage gray = pixels(levels);

        assertThat(GrayInput.apply(gray).rgb()).containsExactly(gray.rgb());
    }
}

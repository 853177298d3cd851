package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransformsTest {

    /** A width x height image whose pixel (x, y) is (x, y, 7). */
    private static RgbImage coordinates(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) x;
                rgb[i + 1] = (byte) y;
                rgb[i + 2] = 7;
            }
        }
        return new RgbImage(width, height, rgb);
    }

    @Test
    void horizontalFlipMirrorsEachRow() {
        RgbImage flipped = new HorizontalFlip().apply(coordinates(3, 2));

        assertThat(flipped.channel(0, 0, 0)).isEqualTo(2);
        assertThat(flipped.channel(2, 1, 0)).isEqualTo(0);
        assertThat(flipped.channel(0, 1, 1)).isEqualTo(1);
    }

    @Test
    void centreCropKeepsTheMiddleEightyPercent() {
        RgbImage cropped = new CentreCrop(0.8).apply(coordinates(10, 20));

        assertThat(cropped.width()).isEqualTo(8);
        assertThat(cropped.height()).isEqualTo(16);
        assertThat(cropped.channel(0, 0, 0)).isEqualTo(1);
        assertThat(cropped.channel(0, 0, 1)).isEqualTo(2);
        assertThat(cropped.channel(7, 15, 0)).isEqualTo(8);
    }

    @Test
    void brightnessScalesAndClampsChannels() {
        RgbImage image = new RgbImage(1, 1, new byte[] {0, 100, (byte) 250});

        RgbImage brighter = new Brightness(1.2).apply(image);

        assertThat(new int[] {brighter.channel(0, 0, 0), brighter.channel(0, 0, 1), brighter.channel(0, 0, 2)})
                .containsExactly(0, 120, 255);
    }

    @Test
    void halfSizeAveragesEachTwoByTwoBlock() {
        RgbImage half = new HalfSize().apply(coordinates(4, 2));

        assertThat(half.width()).isEqualTo(2);
        assertThat(half.height()).isEqualTo(1);
        assertThat(half.channel(0, 0, 0)).isEqualTo(1);  // mean of 0 and 1, rounded half up
        assertThat(half.channel(1, 0, 0)).isEqualTo(3);  // mean of 2 and 3
        assertThat(half.channel(1, 0, 1)).isEqualTo(1);  // mean of rows 0 and 1
    }

    @Test
    void areaResizeWeighsPartlyCoveredPixels() {
        RgbImage row = new RgbImage(3, 1, new byte[] {0, 0, 0, 90, 90, 90, (byte) 180, (byte) 180, (byte) 180});

        RgbImage resized = AreaResize.resize(row, 2, 1);

        // output 0 covers [0, 1.5): (0 * 1 + 90 * 0.5) / 1.5 = 30; output 1 covers [1.5, 3): (45 + 180) / 1.5 = 150
        assertThat(resized.channel(0, 0, 0)).isEqualTo(30);
        assertThat(resized.channel(1, 0, 0)).isEqualTo(150);
    }

    @Test
    void fitWithinKeepsSmallImagesAndShrinksTheLongerSide() {
        RgbImage small = coordinates(20, 10);

        assertThat(AreaResize.fitWithin(small, 20)).isSameAs(small);
        RgbImage fitted = AreaResize.fitWithin(small, 8);
        assertThat(fitted.width()).isEqualTo(8);
        assertThat(fitted.height()).isEqualTo(4);
    }

    @Test
    void jpegRecompressionIsDeterministicAndKeepsTheSize() {
        RgbImage image = coordinates(40, 30);
        JpegRecompression jpeg = new JpegRecompression(35);

        RgbImage once = jpeg.apply(image);
        RgbImage twice = jpeg.apply(image);

        assertThat(once.width()).isEqualTo(40);
        assertThat(once.height()).isEqualTo(30);
        assertThat(once.rgb()).isEqualTo(twice.rgb());
        assertThat(JpegRecompression.encode(image, 35)).isNotEqualTo(JpegRecompression.encode(image, 90));
    }
}

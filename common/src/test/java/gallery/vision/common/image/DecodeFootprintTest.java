package gallery.vision.common.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a decode holds at its peak, read from the frame header before any pixel buffer exists. */
class DecodeFootprintTest {

    private final JpegDecoder jpegJs = new JpegDecoder(1_000_000, JpegDecoding.JPEG_JS);

    @Test
    void jpegJsFootprintOf420CountsCoefficientsPlanesAndRgb() {
        // 64x64 4:2:0: Y 8x8 blocks, Cb and Cr 4x4 blocks; 2 bytes per coefficient, 1 per sample, 3 per RGB pixel
        long coefficients = 2L * 64 * (64 + 16 + 16);
        long planes = 64L * (64 + 16 + 16);
        DecodeFootprint footprint = jpegJs.footprint(TestJpegs.baseline(64, 64));

        assertThat(footprint.size()).isEqualTo(new ImageSize(64, 64));
        assertThat(footprint.workingBytes()).isEqualTo(coefficients + planes + 3 * 64 * 64);
        assertThat(footprint.workingBytes()).isEqualTo((long) (7.5 * 64 * 64));
    }

    @Test
    void jpegJsFootprintOfProgressiveIsTheSameAsBaseline() {
        assertThat(jpegJs.footprint(TestJpegs.progressive(64, 64)).workingBytes())
                .isEqualTo(jpegJs.footprint(TestJpegs.baseline(64, 64)).workingBytes());
    }

    @Test
    void jpegJsFootprintOfGrayscaleIsSixBytesAPixel() {
        assertThat(jpegJs.footprint(TestJpegs.grayscale(64, 64)).workingBytes()).isEqualTo(6L * 64 * 64);
    }

    @Test
    void imageIoFootprintCountsItsRasterAndTheRgbCopy() {
        DecodeFootprint footprint = new JpegDecoder(1_000_000, JpegDecoding.IMAGEIO).footprint(TestJpegs.baseline(64, 64));

        assertThat(footprint.workingBytes()).isEqualTo(7L * 64 * 64);
        assertThat(footprint.rgbBytes()).isEqualTo(3L * 64 * 64);
    }
}

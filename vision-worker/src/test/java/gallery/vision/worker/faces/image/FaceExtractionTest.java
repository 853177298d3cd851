package gallery.vision.worker.faces.image;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.faces.geometry.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaceExtractionTest {

    private final RgbImage image = new RgbImage(10, 8, new byte[10 * 8 * 3]);

    @Test
    void clipsAtTheBordersAndFloorsEachValue() {
        PixelRegion region = FaceExtraction.region(image, new Box(-3.5, 2.7, 20, 10)).orElseThrow();
        assertThat(List.of(region.x(), region.y(), region.width(), region.height())).containsExactly(0, 2, 10, 5);
    }

    @Test
    void dropsBoxesThatAreEmptyOnceFlooredAndKeepsTheOrderOfTheRest() {
        List<PixelRegion> regions = FaceExtraction.regions(image, List.of(
                new Box(1, 1, 3, 3), new Box(2, 2, 0.9, 5), new Box(4, 4, 2, 2)));
        assertThat(regions).extracting(PixelRegion::x).containsExactly(1, 4);
    }
}

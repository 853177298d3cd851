package gallery.vision.worker.faces.detect;

import gallery.vision.worker.faces.geometry.Detection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DetectionBoxesTest {

    @Test
    void stretchesTheShortSideByInputSizeOverItsRoundedReshapedLength() {
        // 300x188: reshaped 512 x round(320.85) = 321, so y is stretched by 512/321; x by 512/512
        DetectorOutput out = new DetectorOutput(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new float[] {0.75f});
        Detection d = DetectionBoxes.detection(out, 0, 512, 300, 188);
        assertThat(d.box().x()).isCloseTo(0.2f * 300.0, within(1e-9));
        assertThat(d.box().width()).isCloseTo((0.4f - 0.2f) * 300.0, within(1e-9));
        assertThat(d.box().y()).isCloseTo(0.1f * 512.0 / 321 * 188, within(1e-9));
        assertThat(d.box().y()).isCloseTo(29.9863, within(1e-3));
        assertThat(d.box().height()).isCloseTo(59.9726, within(1e-3));
        assertThat(d.score()).isEqualTo(0.75);
    }

    @Test
    void clipsTheAnchorBoxToTheInputBeforeStretching() {
        DetectorOutput out = new DetectorOutput(new float[] {-0.2f, -0.1f, 1.3f, 1.2f}, new float[] {0.5f});
        Detection d = DetectionBoxes.detection(out, 0, 512, 100, 100);
        assertThat(d.box().x()).isZero();
        assertThat(d.box().y()).isZero();
        assertThat(d.box().width()).isCloseTo(100, within(1e-9));
        assertThat(d.box().height()).isCloseTo(100, within(1e-9));
    }
}

package gallery.vision.worker.evaluation.detection;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.ObjectDetector;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionEvaluationTest {

    /** Two 200x100 photos; the detector is given them at half size (100x50). */
    private final List<LabelledPhoto> photos = List.of(
            new LabelledPhoto("a", 200, 100, List.of(new LabelledObject("dog", new double[] {0, 0, 100, 100}))),
            new LabelledPhoto("b", 200, 100, List.of(new LabelledObject("cat", new double[] {100, 0, 100, 100}))));

    @Test
    void scalesLabelsToTheImageTheDetectorSeesAndCountsPerThreshold() {
        // In half-size pixels: the dog at score 0.9, the cat at 0.5, and a false car at 0.4.
        ObjectDetector detector = image -> image.rgb()[0] == 1
                ? List.of(new Detection("dog", 0.9, new Box(0, 0, 50, 50)))
                : List.of(new Detection("cat", 0.5, new Box(50, 0, 50, 50)),
                          new Detection("car", 0.4, new Box(0, 0, 10, 10)));

        DetectionEvaluation.Result result = new DetectionEvaluation(0.5).run(detector, photos,
                photo -> halfSizeImage(photo.id().equals("a") ? 1 : 2));

        assertThat(result.photos()).isEqualTo(2);
        assertThat(result.atLeast03().labelled()).isEqualTo(2);
        assertThat(result.atLeast03().found()).isEqualTo(2);
        assertThat(result.atLeast03().falseDetections()).isEqualTo(1);
        assertThat(result.above06().found()).isEqualTo(1);
        assertThat(result.above06().falseDetections()).isZero();
        assertThat(result.above06().perClass().get("cat")).containsExactly(0, 1);
        assertThat(result.atLeast03().perClass().get("cat")).containsExactly(1, 1);
    }

    private static RgbImage halfSizeImage(int marker) {
        byte[] rgb = new byte[100 * 50 * 3];
        rgb[0] = (byte) marker;
        return new RgbImage(100, 50, rgb);
    }
}

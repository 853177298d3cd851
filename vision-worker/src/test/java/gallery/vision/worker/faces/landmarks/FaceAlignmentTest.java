package gallery.vision.worker.faces.landmarks;

import gallery.vision.worker.faces.geometry.Box;
import gallery.vision.worker.faces.geometry.Detection;
import gallery.vision.worker.faces.geometry.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaceAlignmentTest {

    /** Jaw, brows and nose at {@code other}; both eyes and the mouth each collapsed onto one point. */
    private static FaceLandmarks68 face(Point other, Point leftEye, Point rightEye, Point mouth, int cropW, int cropH) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            points.add(i < 36 ? other : i < 42 ? leftEye : i < 48 ? rightEye : mouth);
        }
        return new FaceLandmarks68(points, cropW, cropH);
    }

    @Test
    void dlibRectIsAnEyeToMouthSizedSquareAroundTheReferencePoints() {
        // eye-to-mouth distance sqrt(500) = 22.36, size floor(22.36 / 0.45) = 49; centre (120, 116.67)
        FaceLandmarks68 landmarks = face(new Point(120, 100), new Point(110, 110), new Point(130, 110),
                new Point(120, 130), 80, 80);
        assertThat(FaceAlignment.dlibRect(landmarks)).isEqualTo(new Box(95, 95, 49, 49));
    }

    @Test
    void dlibRectStopsAtZeroAndIsCappedByTheLandmarkCropSize() {
        FaceLandmarks68 landmarks = face(new Point(20, 0), new Point(10, 10), new Point(30, 10),
                new Point(20, 30), 20, 30);
        assertThat(FaceAlignment.dlibRect(landmarks)).isEqualTo(new Box(0, 0, 20, 30));
    }

    @Test
    void alignedRectIsTheLandmarksBoundsGrownByTwentyPercentWithTheDetectionScore() {
        FaceLandmarks68 landmarks = face(new Point(10, 30), new Point(10, 10), new Point(30, 10),
                new Point(20, 30), 20, 20);
        Detection detection = Detection.ofRelative(0.93, new Box(0, 0, 0.5, 0.5), 300, 188);
        Detection aligned = FaceAlignment.alignedRect(landmarks, detection);
        assertThat(aligned.score()).isEqualTo(0.93);
        assertThat(aligned.box().x()).isCloseTo(8, within(1e-9));
        assertThat(aligned.box().y()).isCloseTo(8, within(1e-9));
        assertThat(aligned.box().width()).isCloseTo(24, within(1e-9));
        assertThat(aligned.box().height()).isCloseTo(24, within(1e-9));
        assertThat(aligned.imageWidth()).isEqualTo(300);
    }

    @Test
    void alignedRectMaximaStartAtZeroAsInFaceApi() {
        Point p = new Point(-10, -10);
        FaceLandmarks68 landmarks = face(p, p, p, p, 20, 20);
        Detection detection = Detection.ofRelative(0.5, new Box(0, 0, 1, 1), 100, 100);
        Box box = FaceAlignment.alignedRect(landmarks, detection).box();
        assertThat(box.width()).isCloseTo(12, within(1e-9));
        assertThat(box.x()).isCloseTo(-11, within(1e-9));
    }

    @Test
    void placeScalesByTheCropAndShiftsByTheDetectionCorner() {
        float[] relative = new float[136];
        relative[0] = 0.5f;
        relative[1] = 0.25f;
        FaceLandmarks68 landmarks = FaceLandmarks68.place(relative, 50, 100, new Point(10.5, 20));
        assertThat(landmarks.positions().get(0)).isEqualTo(new Point(35.5, 45));
        assertThat(landmarks.positions().get(1)).isEqualTo(new Point(10.5, 20));
        assertThat(List.of(landmarks.jawOutline().size(), landmarks.leftEyeBrow().size(),
                landmarks.rightEyeBrow().size(), landmarks.nose().size(), landmarks.leftEye().size(),
                landmarks.rightEye().size(), landmarks.mouth().size())).containsExactly(17, 5, 5, 9, 6, 6, 20);
    }
}

package gallery.vision.worker.evaluation.detection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionMatcherTest {

    private final List<LabelledObject> labels = List.of(
            new LabelledObject("person", new double[] {0, 0, 10, 10}),
            new LabelledObject("person", new double[] {20, 0, 10, 10}),
            new LabelledObject("dog", new double[] {0, 20, 10, 10}));

    private final List<Detection> detections = List.of(
            new Detection("person", 0.9, new Box(0, 0, 10, 10)),     // first person
            new Detection("person", 0.7, new Box(1, 0, 10, 10)),     // second box on the first person: false
            new Detection("person", 0.5, new Box(21, 1, 10, 10)),    // second person, IoU 0.68
            new Detection("dog", 0.4, new Box(60, 60, 10, 10)),      // nowhere near the dog: false
            new Detection("cat", 0.95, new Box(0, 20, 10, 10)));     // right place, wrong class: false

    private final DetectionMatcher matcher = new DetectionMatcher(0.5);

    @Test
    void countsFoundObjectsAndFalseDetectionsAtScoreAtLeast03() {
        assertThat(matcher.match(labels, detections, score -> score >= 0.3))
                .isEqualTo(new DetectionMatcher.Result(3, 2, 3));
    }

    @Test
    void dropsDetectionsBelowTheHigherThreshold() {
        assertThat(matcher.match(labels, detections, score -> score > 0.6))
                .isEqualTo(new DetectionMatcher.Result(3, 1, 2));
    }

    @Test
    void needsTheConfiguredOverlap() {
        // intersection 6x10 = 60, union 140: IoU 0.43
        List<Detection> shifted = List.of(new Detection("dog", 0.8, new Box(4, 20, 10, 10)));

        assertThat(new DetectionMatcher(0.5).match(labels, shifted, s -> true).found()).isZero();
        assertThat(new DetectionMatcher(0.3).match(labels, shifted, s -> true).found()).isEqualTo(1);
    }

    @Test
    void countsEveryDetectionAsFalseOnAPhotoWithoutLabels() {
        assertThat(matcher.match(List.of(), detections, score -> score >= 0.3))
                .isEqualTo(new DetectionMatcher.Result(0, 0, 5));
    }

    @Test
    void doesNotCountDetectionsInsideAnIgnoredCrowdAsFalse() {
        List<LabelledObject> crowd = List.of(new LabelledObject("person", new double[] {100, 0, 100, 50}));
        List<Detection> inCrowd = List.of(
                new Detection("person", 0.8, new Box(110, 10, 20, 20)),   // wholly inside the crowd
                new Detection("person", 0.8, new Box(190, 10, 20, 20)),   // half inside: still ignored
                new Detection("person", 0.8, new Box(195, 10, 20, 20)),   // a quarter inside: false
                new Detection("dog", 0.8, new Box(110, 10, 20, 20)));     // other class: false

        assertThat(matcher.match(List.of(), crowd, inCrowd, score -> true))
                .isEqualTo(new DetectionMatcher.Result(0, 0, 2));
    }
}

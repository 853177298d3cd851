package gallery.vision.worker.faces.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaceNonMaxSuppressionTest {

    private static DetectorOutput output(float[][] boxes, float... scores) {
        float[] flat = new float[boxes.length * 4];
        for (int i = 0; i < boxes.length; i++) {
            System.arraycopy(boxes[i], 0, flat, i * 4, 4);
        }
        return new DetectorOutput(flat, scores);
    }

    @Test
    void keepsBestFirstAndDropsOverlapsAboveHalf() {
        DetectorOutput out = output(new float[][] {
                {0, 0, 1, 1},          // 0
                {0, 0, 1, 0.9f},       // 1: IoU 0.9 with 0
                {0, 0.5f, 1, 1.5f},    // 2: IoU 1/3 with 0
                {2, 2, 3, 3}},         // 3: apart
                0.8f, 0.9f, 0.7f, 0.05f);
        assertThat(FaceNonMaxSuppression.select(out, DetectionOptions.SEED)).containsExactly(1, 2);
    }

    @Test
    void iouCountsCornersInEitherOrder() {
        DetectorOutput out = output(new float[][] {{0, 0, 2, 2}, {2, 2, 1, 1}}, 0.5f, 0.5f);
        assertThat(FaceNonMaxSuppression.iou(out, 0, 1)).isEqualTo(0.25);
    }

    @Test
    void degenerateBoxesNeverSuppress() {
        DetectorOutput out = output(new float[][] {{0, 0, 1, 1}, {0, 0, 0, 1}}, 0.9f, 0.8f);
        assertThat(FaceNonMaxSuppression.select(out, DetectionOptions.SEED)).containsExactly(0, 1);
    }

    @Test
    void stopsAtMaxResultsAndKeepsAnchorOrderForEqualScores() {
        float[][] boxes = new float[4][];
        for (int i = 0; i < 4; i++) {
            boxes[i] = new float[] {i * 2, 0, i * 2 + 1, 1};
        }
        DetectorOutput out = output(boxes, 0.5f, 0.6f, 0.5f, 0.5f);
        assertThat(FaceNonMaxSuppression.select(out, new DetectionOptions(0.1, 3, 0.5))).containsExactly(1, 0, 2);
    }

    @Test
    void scoreMustExceedMinConfidence() {
        DetectorOutput out = output(new float[][] {{0, 0, 1, 1}}, 0.1f);
        assertThat(FaceNonMaxSuppression.select(out, new DetectionOptions(0.1f, 10, 0.5))).isEmpty();
    }
}

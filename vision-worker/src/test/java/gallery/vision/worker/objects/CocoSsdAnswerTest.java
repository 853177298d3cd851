package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CocoSsdAnswerTest {

    @Test
    void givesBboxAsXYWidthHeightInPixelsOfThePostedImage() {
        List<DetectedObject> answer = CocoSsdAnswer.of(
                List.of(new ScoredBox(0.25f, 0.5f, 0.75f, 1f, 0.8f, 0)), 800, 600);

        assertThat(answer).hasSize(1);
        assertThat(answer.get(0).bbox()).containsExactly(new double[] {200, 300, 400, 300}, within(1e-3));
        assertThat(answer.get(0).className()).isEqualTo("person");
        assertThat(answer.get(0).score()).isEqualTo(0.8f, within(1e-7));
    }

    @Test
    void clipsBoxesToTheImage() {
        List<DetectedObject> answer = CocoSsdAnswer.of(
                List.of(new ScoredBox(-0.1f, -0.2f, 0.5f, 1.3f, 0.5f, 2)), 100, 100);

        assertThat(answer.get(0).bbox()).containsExactly(new double[] {0, 0, 50, 100}, within(1e-3));
    }

    @Test
    void keepsAtMost20ScoresOfAtLeast0point1SortedDescending() {
        List<ScoredBox> boxes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            float left = (i % 10) * 0.1f;
            float top = (i / 10) * 0.3f;
            boxes.add(new ScoredBox(left, top, left + 0.09f, top + 0.29f, 0.05f + i * 0.01f, i % 80));
        }

        List<DetectedObject> answer = CocoSsdAnswer.of(boxes, 1000, 1000);

        assertThat(answer).hasSize(20);
        assertThat(answer).allSatisfy(d -> assertThat(d.score()).isGreaterThanOrEqualTo(0.1));
        assertThat(answer).extracting(DetectedObject::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void carriesTheBestScoreOfAnotherClassThatABoxSuppressed() {
        List<DetectedObject> answer = CocoSsdAnswer.of(List.of(
                new ScoredBox(0.1f, 0.1f, 0.5f, 0.5f, 0.45f, 18),    // sheep
                new ScoredBox(0.11f, 0.1f, 0.5f, 0.52f, 0.3f, 16),  // dog, same object: suppressed
                new ScoredBox(0.1f, 0.12f, 0.49f, 0.5f, 0.4f, 18),  // sheep again: same class, not a rival
                new ScoredBox(0.6f, 0.6f, 0.9f, 0.9f, 0.5f, 16)),   // dog elsewhere: not a rival
                100, 100);

        assertThat(answer).extracting(DetectedObject::className).containsExactly("dog", "sheep");
        assertThat(answer.get(0).rivalScore()).isZero();
        assertThat(answer.get(1).rivalScore()).isEqualTo(0.3f, within(1e-7));
        assertThat(answer.get(1).rawScore()).isEqualTo(0.45f, within(1e-7));
    }

    @Test
    void leavesTheRivalScoreOutOfTheJson() throws Exception {
        String json = JsonMapper.builder().build().writeValueAsString(
                new DetectedObject(new double[] {1, 2, 3, 4}, "sheep", 0.7, 0.45, 0.3));

        assertThat(json).isEqualTo("{\"bbox\":[1.0,2.0,3.0,4.0],\"class\":\"sheep\",\"score\":0.7,\"rawScore\":0.45}");
    }

    @Test
    void serialisesInCocoSsdShapeWithClassFieldAndTheRawScoreLast() throws Exception {
        String json = JsonMapper.builder().build().writeValueAsString(
                new DetectedObject(new double[] {1, 2, 3, 4}, "dining table", 0.5).withScore(0.75));

        assertThat(json).isEqualTo(
                "{\"bbox\":[1.0,2.0,3.0,4.0],\"class\":\"dining table\",\"score\":0.75,\"rawScore\":0.5}");
    }

    @Test
    void spellsClassesAsCocoSsd() {
        assertThat(CocoClasses.all()).hasSize(80).startsWith("person", "bicycle", "car")
                .contains("dining table", "potted plant", "cell phone", "tv", "hair drier")
                .endsWith("toothbrush");
    }
}

package gallery.vision.models.faceapi;

import static org.assertj.core.api.Assertions.assertThat;

import gallery.vision.common.testing.FaceApiPackage;
import gallery.vision.models.testing.FaceApiInputs;
import gallery.vision.models.testing.OnnxRunner;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceDetectorModelTest {

    private static OnnxRunner detector;

    @BeforeAll
    static void load() throws Exception {
        detector = OnnxRunner.open("face-detector");
    }

    @AfterAll
    static void close() throws Exception {
        detector.close();
    }

    @Test
    void producesBoxesAndScoresOfTheContractShapesForADemoPhoto() throws Exception {
        Map<String, OnnxRunner.Output> out = run("sample1.jpg");

        assertThat(out.get("boxes").shape()).containsExactly(1, 5118, 4);
        assertThat(out.get("scores").shape()).containsExactly(1, 5118);
        for (float s : out.get("scores").values()) {
            assertThat(s).isBetween(0f, 1f);
        }
    }

    @Test
    void findsAFaceWithScoreAbove09InEveryDemoPhoto() throws Exception {
        for (String photo : FaceApiPackage.DEMO_PHOTOS) {
            Map<String, OnnxRunner.Output> out = run(photo);
            float[] scores = out.get("scores").values();
            float[] boxes = out.get("boxes").values();
            int best = argMax(scores);

            assertThat(scores[best]).as(photo).isGreaterThan(0.9f);
            float ymin = boxes[4 * best], xmin = boxes[4 * best + 1], ymax = boxes[4 * best + 2];
            float xmax = boxes[4 * best + 3];
            assertThat(ymax - ymin).as(photo + " box height").isBetween(0.01f, 1f);
            assertThat(xmax - xmin).as(photo + " box width").isBetween(0.01f, 1f);
        }
    }

    private static Map<String, OnnxRunner.Output> run(String photo) throws Exception {
        float[] input = FaceApiInputs.batchTensor(FaceApiInputs.demoPhoto(photo), 512, false);
        return detector.run(input, 1, 512, 512, 3);
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}

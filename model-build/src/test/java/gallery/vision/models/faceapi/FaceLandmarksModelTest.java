package gallery.vision.models.faceapi;

import static org.assertj.core.api.Assertions.assertThat;

import gallery.vision.common.image.RgbImage;
import gallery.vision.models.testing.DemoFaces;
import gallery.vision.models.testing.OnnxRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceLandmarksModelTest {

    @Test
    void gives68PointsPerFaceWithEyesAboveNoseAboveMouthAboveChin() throws Exception {
        List<RgbImage> faces = DemoFaces.faces("sample1.jpg", 3);
        float[] lm;
        try (OnnxRunner net = OnnxRunner.open("face-landmarks")) {
            OnnxRunner.Output out = net.run(DemoFaces.batch(faces, 112), faces.size(), 112, 112, 3).get("landmarks");
            assertThat(out.shape()).containsExactly(faces.size(), 136);
            lm = out.values();
        }
        assertThat(faces).hasSize(3);
        for (int f = 0; f < faces.size(); f++) {
            int base = f * 136;
            for (int i = 0; i < 136; i++) {
                assertThat(lm[base + i]).as("face %d value %d", f, i).isBetween(-0.1f, 1.1f);
            }
            float eyes = meanY(lm, base, 36, 47);
            float noseTip = lm[base + 2 * 30 + 1];
            float mouth = meanY(lm, base, 48, 67);
            assertThat(eyes).as("face %d eyes above nose tip", f).isLessThan(noseTip);
            assertThat(noseTip).as("face %d nose tip above mouth", f).isLessThan(mouth);
            assertThat(lm[base + 2 * 8 + 1]).as("face %d chin below mouth", f).isGreaterThan(mouth);
        }
    }

    private static float meanY(float[] lm, int base, int from, int to) {
        float s = 0;
        for (int p = from; p <= to; p++) {
            s += lm[base + 2 * p + 1];
        }
        return s / (to - from + 1);
    }
}

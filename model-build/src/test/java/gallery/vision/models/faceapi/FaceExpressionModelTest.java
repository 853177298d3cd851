package gallery.vision.models.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import gallery.vision.common.image.RgbImage;
import gallery.vision.models.testing.DemoFaces;
import gallery.vision.models.testing.OnnxRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceExpressionModelTest {

    @Test
    void givesSevenProbabilitiesPerFaceThatSumToOne() throws Exception {
        List<RgbImage> faces = DemoFaces.faces("sample2.jpg", 3);
        try (OnnxRunner net = OnnxRunner.open("face-expression")) {
            OnnxRunner.Output out = net.run(DemoFaces.batch(faces, 112), faces.size(), 112, 112, 3).get("expressions");

            assertThat(out.shape()).containsExactly(faces.size(), 7);
            for (int f = 0; f < faces.size(); f++) {
                double sum = 0;
                for (int k = 0; k < 7; k++) {
                    float p = out.values()[f * 7 + k];
                    assertThat(p).isBetween(0f, 1f);
                    sum += p;
                }
                assertThat(sum).as("face %d", f).isCloseTo(1.0, offset(1e-5));
            }
        }
    }
}

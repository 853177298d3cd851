package gallery.vision.models.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import gallery.vision.common.image.RgbImage;
import gallery.vision.models.testing.DemoFaces;
import gallery.vision.models.testing.OnnxRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeGenderModelTest {

    @Test
    void givesAnAdultAgeAndTwoGenderProbabilitiesSummingToOnePerFace() throws Exception {
        List<RgbImage> faces = DemoFaces.faces("sample3.jpg", 3);
        try (OnnxRunner net = OnnxRunner.open("face-age-gender")) {
            Map<String, OnnxRunner.Output> out = net.run(DemoFaces.batch(faces, 112), faces.size(), 112, 112, 3);

            assertThat(out.get("age").shape()).containsExactly(faces.size());
            assertThat(out.get("gender").shape()).containsExactly(faces.size(), 2);
            for (int f = 0; f < faces.size(); f++) {
                assertThat(out.get("age").values()[f]).as("adults in the demo photos").isBetween(15f, 60f);
                float male = out.get("gender").values()[2 * f], female = out.get("gender").values()[2 * f + 1];
                assertThat(male + female).isCloseTo(1f, offset(1e-5f));
            }
        }
    }
}

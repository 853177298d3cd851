package gallery.vision.models.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import gallery.vision.common.image.RgbImage;
import gallery.vision.models.testing.DemoFaces;
import gallery.vision.models.testing.FaceApiInputs;
import gallery.vision.models.testing.OnnxRunner;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceRecognitionModelTest {

    private static OnnxRunner net;
    private static List<RgbImage> faces;

    @BeforeAll
    static void load() throws Exception {
        faces = DemoFaces.faces("sample1.jpg", 2);
        net = OnnxRunner.open("face-recognition");
    }

    @AfterAll
    static void close() throws Exception {
        net.close();
    }

    @Test
    void givesTheSameDescriptorForTheSameFaceWhateverItsPlaceInTheBatch() throws Exception {
        float[] single = descriptors(List.of(faces.get(0)));
        float[] batch = descriptors(List.of(faces.get(1), faces.get(0), faces.get(0)));

        assertThat(single).hasSize(128);
        for (int i = 0; i < 128; i++) {
            assertThat(batch[128 + i]).isEqualTo(batch[256 + i]);
            assertThat(batch[128 + i]).isCloseTo(single[i], offset(1e-5f));
        }
    }

    @Test
    void aSlightlyShiftedCropOfAFaceIsCloserThanAnotherPerson() throws Exception {
        RgbImage face = faces.get(0);
        RgbImage shifted = FaceApiInputs.crop(face, 3, 3, face.width() - 3, face.height() - 3);
        float[] d = descriptors(List.of(face, shifted, faces.get(1)));

        double samePerson = distance(d, 0, 1);
        double otherPerson = distance(d, 0, 2);

        assertThat(samePerson).isLessThan(0.6).isLessThan(otherPerson);
    }

    private static float[] descriptors(List<RgbImage> crops) throws Exception {
        OnnxRunner.Output out = net.run(DemoFaces.batch(crops, 150), crops.size(), 150, 150, 3).get("descriptor");
        assertThat(out.shape()).containsExactly(crops.size(), 128);
        return out.values();
    }

    private static double distance(float[] d, int a, int b) {
        double s = 0;
        for (int i = 0; i < 128; i++) {
            double diff = d[a * 128 + i] - d[b * 128 + i];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}

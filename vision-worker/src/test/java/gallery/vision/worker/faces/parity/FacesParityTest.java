package gallery.vision.worker.faces.parity;

import ai.djl.inference.Predictor;
import ai.djl.Model;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.faces.answer.FaceAnswer;
import gallery.vision.worker.faces.detect.DetectionOptions;
import gallery.vision.worker.faces.detect.FaceDetectorTranslator;
import gallery.vision.worker.faces.geometry.Detection;
import gallery.vision.worker.faces.parity.ParityFixtures.Fixture;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end parity with the real face-api 1.7.15 (tfjs) on identical pixels, one case per reference fixture in
 * {@code parity/faces/e2e/}: the detector stage alone, and the whole seed pipeline, within the end-to-end
 * tolerances of {@code parity/faces/index.json}. Skips (naming what is missing) when a test image or a model is
 * absent: the seed's {@code sample-2} needs {@code ../shared}; the six demo-photo cases (several faces each) and the
 * crops made from them need only the build, so every clone runs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacesParityTest {

    private final TestFaceModels models = new TestFaceModels();

    static Stream<Fixture> endToEnd() {
        List<Fixture> fixtures = ParityFixtures.list("e2e");
        assertThat(fixtures).as("end-to-end parity fixtures").isNotEmpty();
        return fixtures.stream();
    }

    @AfterAll
    void closeModels() {
        models.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endToEnd")
    void detectorFindsFaceApisFacesInItsOrder(Fixture fixture) throws Exception {
        Model detector = models.model("face-detector");
        RgbImage image = ParityImages.load(fixture.json());
        List<Detection> detections;
        try (Predictor<RgbImage, List<Detection>> predictor =
                     detector.newPredictor(new FaceDetectorTranslator(DetectionOptions.SEED))) {
            detections = predictor.predict(image);
        }
        JsonNode expected = fixture.json().get("detections");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(detections).as("number of detections").hasSize(expected.size());
        for (int i = 0; i < Math.min(expected.size(), detections.size()); i++) {
            FaceParity.scoredBox(soft, "detection " + i, expected.get(i), json(detections.get(i)));
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endToEnd")
    void seedPipelineMatchesFaceApiWithinTolerances(Fixture fixture) {
        RgbImage image = ParityImages.load(fixture.json());
        List<FaceAnswer> faces = models.analyzer().analyze(image);
        FaceParity.assertFacesMatch(fixture.json().get("faces"), ParityFixtures.JSON.valueToTree(faces));
    }

    private static JsonNode json(Detection detection) {
        ObjectNode node = ParityFixtures.JSON.createObjectNode();
        ObjectNode box = node.putObject("box");
        box.put("x", detection.box().x());
        box.put("y", detection.box().y());
        box.put("width", detection.box().width());
        box.put("height", detection.box().height());
        node.put("score", detection.score());
        return node;
    }
}

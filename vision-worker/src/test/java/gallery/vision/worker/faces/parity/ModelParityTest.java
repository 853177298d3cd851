package gallery.vision.worker.faces.parity;

import ai.djl.inference.Predictor;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.faces.parity.ParityFixtures.Fixture;
import gallery.vision.worker.faces.parity.RawTensorTranslator.Tensor;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Per-model parity: each ONNX network against face-api's tfjs forward pass on the same input tensor (the RGB bytes
 * of the fixture's images, float32 NHWC 0..255), every output within 1e-3 (parity/faces/index.json). The detector fixture
 * samples its 5118 anchors ({@code anchors} lists which). One case per fixture in {@code parity/faces/models/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelParityTest {

    private static final double MAX_ABS_DIFF = 1e-3;

    private final TestFaceModels models = new TestFaceModels();

    static Stream<Fixture> perModel() {
        List<Fixture> fixtures = ParityFixtures.list("models");
        assertThat(fixtures).as("per-model parity fixtures").isNotEmpty();
        return fixtures.stream();
    }

    @AfterAll
    void closeModels() {
        models.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perModel")
    void onnxOutputsMatchTfjsOnTheSameInputTensor(Fixture fixture) throws Exception {
        JsonNode json = fixture.json();
        var model = models.model(json.get("model").asString());
        Tensor input = inputTensor(json.get("input"));
        Map<String, float[]> actual;
        try (Predictor<Tensor, Map<String, float[]>> predictor = model.newPredictor(new RawTensorTranslator())) {
            actual = predictor.predict(input);
        }
        JsonNode expected = json.get("outputs");
        SoftAssertions soft = new SoftAssertions();
        if (expected.has("anchors")) {
            sampledAnchors(soft, expected, actual);
        } else {
            for (String name : expected.propertyNames()) {
                compare(soft, name, flatten(expected.get(name)), actual.get(name));
            }
        }
        soft.assertAll();
    }

    private static Tensor inputTensor(JsonNode input) {
        List<Float> values = new ArrayList<>();
        for (JsonNode image : input.get("images")) {
            RgbImage pixels = ParityImages.load(image);
            for (byte b : pixels.rgb()) {
                values.add((float) (b & 0xff));
            }
        }
        float[] data = new float[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i);
        }
        long[] shape = new long[input.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = input.get("shape").get(i).asLong();
        }
        return new Tensor(data, shape);
    }

    /** The detector fixture lists some anchors' scores and boxes; the score sum covers all of them. */
    private static void sampledAnchors(SoftAssertions soft, JsonNode expected, Map<String, float[]> actual) {
        float[] scores = actual.get("scores");
        float[] boxes = actual.get("boxes");
        soft.assertThat(scores).as("anchors").hasSize(expected.get("anchorCount").asInt());
        JsonNode anchors = expected.get("anchors");
        double[] wantScores = new double[anchors.size()];
        double[] wantBoxes = new double[anchors.size() * 4];
        float[] gotScores = new float[anchors.size()];
        float[] gotBoxes = new float[anchors.size() * 4];
        for (int i = 0; i < anchors.size(); i++) {
            int anchor = anchors.get(i).asInt();
            wantScores[i] = expected.get("scores").get(i).asDouble();
            gotScores[i] = scores[anchor];
            for (int k = 0; k < 4; k++) {
                wantBoxes[i * 4 + k] = expected.get("boxes").get(i).get(k).asDouble();
                gotBoxes[i * 4 + k] = boxes[anchor * 4 + k];
            }
        }
        compare(soft, "scores (sampled)", wantScores, gotScores);
        compare(soft, "boxes (sampled)", wantBoxes, gotBoxes);
        double sum = 0;
        for (float score : scores) {
            sum += score;
        }
        soft.assertThat(sum).as("sum of all scores").isCloseTo(expected.get("scoreSum").asDouble(), within(0.05));
        soft.assertThat(scores[expected.get("topAnchorsByScore").get(0).asInt()]).as("score of the best anchor")
                .isEqualTo(max(scores));
    }

    private static void compare(SoftAssertions soft, String name, double[] expected, float[] actual) {
        soft.assertThat(actual).as("output " + name).isNotNull();
        if (actual == null) {
            return;
        }
        soft.assertThat(actual.length).as("length of output " + name).isEqualTo(expected.length);
        double maxDiff = 0;
        for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
        }
        soft.assertThat(maxDiff).as("max abs diff of output " + name).isLessThanOrEqualTo(MAX_ABS_DIFF);
    }

    private static double[] flatten(JsonNode node) {
        List<Double> values = new ArrayList<>();
        collect(node, values);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> into) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        } else {
            into.add(node.asDouble());
        }
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}

package gallery.vision.worker.parity;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.models.TestModels;
import gallery.vision.worker.objects.DetectedObject;
import gallery.vision.worker.objects.ObjectAnalyzer;
import gallery.vision.worker.objects.ObjectsConfiguration;
import gallery.vision.worker.objects.ScoreCalibration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole analyzers against the original networks on tfjs 4.22 (fixtures by {@code tools/tfjs-reference/analyzers.js}
 * from the very pixels this decoder produces): same objects in the same order with the same classes, scores within
 * {@value #SCORE_TOLERANCE}, boxes within {@value #BOX_TOLERANCE_PX} px; embedding values within
 * {@value #EMBEDDING_TOLERANCE}. Tolerances cover float32 differences of the resize and of ONNX Runtime vs tfjs
 * kernels (the converter's own parity is 6e-4 on centernet's box sizes in 512-px units).
 */
class AnalyzerParityTest {

    static final double SCORE_TOLERANCE = 1e-3;
    static final double BOX_TOLERANCE_PX = 0.5;
    static final double EMBEDDING_TOLERANCE = 1e-3;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ObjectAnalyzer objects;
    private static EmbeddingAnalyzer embeddings;

    @BeforeAll
    static void load() {
        objects = new ObjectAnalyzer(TestModels.load(ObjectsConfiguration.DETECTOR.name()),
                ObjectsConfiguration.DETECTOR, ScoreCalibration.NONE, false);
        embeddings = new EmbeddingAnalyzer(TestModels.load(EmbeddingsConfiguration.EMBEDDER.name()),
                EmbeddingsConfiguration.EMBEDDER, EmbeddingTransform.NONE);
    }

    @AfterAll
    static void close() {
        if (objects != null) {
            objects.close();
        }
        if (embeddings != null) {
            embeddings.close();
        }
    }

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = AnalyzerParityTest.class.getResourceAsStream("/parity/analyzers/" + name + ".json")) {
            assertThat(in).as("fixture " + name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static RgbImage samePixels(String name, JsonNode fixture) throws Exception {
        RgbImage image = TestModels.demoPhoto(name + ".jpg");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.rgb()));
        assertThat(sha256).as("decoded pixels identical to the reference's").isEqualTo(
                fixture.path("pixels").path("sha256").asString());
        return image;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1", "sample3"})
    void objectsMatchCenternetOnTfjsDecodedByItsOwnGraph(String name) throws Exception {
        JsonNode fixture = fixture(name);
        List<DetectedObject> actual = objects.analyze(samePixels(name, fixture));

        JsonNode expected = fixture.path("objects").path("data");
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(i);
            DetectedObject a = actual.get(i);
            assertThat(a.className()).as("class of object " + i).isEqualTo(e.path("class").asString());
            assertThat(a.score()).as("score of object " + i).isCloseTo(e.path("score").asDouble(),
                    within(SCORE_TOLERANCE));
            for (int k = 0; k < 4; k++) {
                assertThat(a.bbox()[k]).as("bbox[" + k + "] of object " + i)
                        .isCloseTo(e.path("bbox").get(k).asDouble(), within(BOX_TOLERANCE_PX));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1", "sample3"})
    void embeddingMatchesNsfwMobilenetV2PoolOnTfjs(String name) throws Exception {
        JsonNode fixture = fixture(name);
        float[] actual = embeddings.analyze(samePixels(name, fixture));

        JsonNode expected = fixture.path("embeddings").path("data");
        assertThat(actual).hasSize(expected.size());
        double maxDiff = 0;
        for (int i = 0; i < actual.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        assertThat(maxDiff).as("max |diff| over " + actual.length + " values").isLessThanOrEqualTo(EMBEDDING_TOLERANCE);
    }
}

package gallery.vision.models.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import gallery.vision.models.build.ConvertGraphModels;
import gallery.vision.models.build.NpmTarballCache;
import gallery.vision.models.testing.OnnxModels;
import gallery.vision.models.testing.ParityInputs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parity of each catalog model, converted by {@link TfjsGraphConverter} and run on ONNX Runtime, with the real
 * TensorFlow.js 4.22 (cpu backend) on the same input: the fixture of {@code tools/tfjs-reference} holds tfjs's
 * output statistics over every element and up to 1024 elements at a fixed stride. Every sampled element, and the
 * min, max and mean of every output, must agree within {@value #TOLERANCE}.
 * <p>Converts the models here (into {@code target/tfjs-parity}), from the pinned npm packages (fetched through the
 * sha512-verified cache, as the build does), so evaluation candidates need not be converted in every build.
 */
class TfjsParityTest {

    static final double TOLERANCE = 1e-3;
    static final Path CATALOG = Path.of(GraphModelCatalog.FILE_NAME);
    static final Path FIXTURES = Path.of("src/test/resources/parity/tfjs");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<String> modelsWithFixtures() throws Exception {
        return GraphModelCatalog.read(CATALOG).models().stream().map(GraphModelCatalog.Entry::name)
                .filter(name -> Files.isRegularFile(FIXTURES.resolve(name + ".json"))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelsWithFixtures")
    void convertedModelMatchesTfjsWithin1eMinus3OnEveryOutput(String name) throws Exception {
        GraphModelCatalog catalog = GraphModelCatalog.read(CATALOG);
        GraphModelCatalog.Entry entry = catalog.model(name).orElseThrow();
        JsonNode fixture = JSON.readTree(FIXTURES.resolve(name + ".json").toFile());
        Path out = Path.of("target/tfjs-parity");
        ConvertGraphModels.convert(catalog, entry, new NpmTarballCache(NpmCacheDir.get()),
                Path.of("target/tfjs-packages"), out);

        ConversionSpec.Input input = entry.inputs().get(0);
        float[] data = ParityInputs.of(input.shape(), entry.inputRange()[0], entry.inputRange()[1]);
        assertThat(sha256(data)).as("input identical to the reference tool's")
                .isEqualTo(fixture.path("input").path("tensors").get(0).path("sha256").asString());

        try (OnnxModels model = new OnnxModels(out.resolve(entry.file()))) {
            Map<String, OnnxModels.Output> outputs = model.run(input.tensor(), data, input.shape());
            for (String o : entry.outputs()) {
                assertOutputMatches(name + " " + o, outputs.get(o), fixture.path("outputs").path(o));
            }
        }
    }

    private static void assertOutputMatches(String what, OnnxModels.Output actual, JsonNode expected) {
        assertThat(actual).as(what + " produced").isNotNull();
        long[] shape = JSON.convertValue(expected.path("shape"), long[].class);
        assertThat(actual.shape()).as(what + " shape").containsExactly(shape);
        float[] v = actual.values();
        int stride = expected.path("sampleStride").asInt();
        double maxDiff = 0;
        JsonNode samples = expected.path("samples");
        for (int k = 0; k < samples.size(); k++) {
            maxDiff = Math.max(maxDiff, Math.abs(v[k * stride] - samples.get(k).asDouble()));
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        System.out.printf("[parity] %s: max |diff| %.3g over %d samples; min %.6g/%.6g max %.6g/%.6g mean %.6g/%.6g%n",
                what, maxDiff, samples.size(), min, expected.path("min").asDouble(), max,
                expected.path("max").asDouble(), sum / v.length, expected.path("mean").asDouble());
        assertThat(maxDiff).as(what + " max abs difference of sampled elements").isLessThanOrEqualTo(TOLERANCE);
        assertThat(min).as(what + " min").isCloseTo(expected.path("min").asDouble(), org.assertj.core.data.Offset.offset(TOLERANCE));
        assertThat(max).as(what + " max").isCloseTo(expected.path("max").asDouble(), org.assertj.core.data.Offset.offset(TOLERANCE));
        assertThat(sum / v.length).as(what + " mean").isCloseTo(expected.path("mean").asDouble(), org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    private static String sha256(float[] data) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }
}

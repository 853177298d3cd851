package gallery.vision.models.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import gallery.vision.models.build.ConvertGraphModels;
import gallery.vision.models.build.NpmTarballCache;
import gallery.vision.models.testing.OnnxRunner;
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
 * min, max and mean of every output, must agree within {@value ParityAssertions#TOLERANCE}.
 * <p>Converts the models here (into {@code target/tfjs-parity}), from the pinned npm packages (fetched through the
 * sha512-verified cache, as the build does), so evaluation candidates need not be converted in every build.
 */
class TfjsParityTest {


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

        try (OnnxRunner model = new OnnxRunner(out.resolve(entry.file()))) {
            Map<String, OnnxRunner.Output> outputs = model.run(input.tensor(), data, input.shape());
            for (String o : entry.outputs()) {
                ParityAssertions.assertOutputMatches(name + " " + o, outputs.get(o), fixture.path("outputs").path(o));
            }
        }
    }

    static String sha256(float[] data) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }
}

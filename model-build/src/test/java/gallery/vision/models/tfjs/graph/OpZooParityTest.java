package gallery.vision.models.tfjs.graph;

import gallery.vision.models.tfjs.graph.ops.StandardOps;
import static org.assertj.core.api.Assertions.assertThat;

import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.testing.OnnxRunner;
import gallery.vision.models.testing.ParityInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic "op zoo" graph model of {@code tools/tfjs-reference/opzoo.js} (every handled op, in the variants
 * whose semantics are easy to get wrong; weights in float32, float16 and uint8) converted and run on ONNX Runtime
 * matches tfjs 4.22 (cpu) on every one of its outputs.
 */
class OpZooParityTest {

    static final Path DIR = Path.of("src/test/resources/parity/tfjs/op-zoo");

    @TempDir
    Path tmp;

    @Test
    void everyOutputOfTheOpZooMatchesTfjsWithin1eMinus3() throws Exception {
        JsonNode expected = JsonMapper.builder().build().readTree(DIR.resolve("expected.json").toFile());
        List<String> outputs = new ArrayList<>();
        expected.path("outputs").propertyNames().forEach(outputs::add);
        long[] shape = {1, 8, 8, 4};
        ConversionSpec spec = new ConversionSpec(List.of(new ConversionSpec.Input("x", shape)), outputs);
        Path onnx = tmp.resolve("op-zoo.onnx");
        Files.write(onnx, new TfjsGraphConverter(StandardOps.registry()).convert(GraphModelFiles.read(DIR.resolve("model.json")), spec,
                "op-zoo", new ModelInfo("test", "0", "op zoo", Map.of())).toByteArray());

        float[] input = ParityInputs.of(shape, -1, 1);
        assertThat(TfjsParityTest.sha256(input)).isEqualTo(expected.path("input").path("sha256").asString());
        try (OnnxRunner model = new OnnxRunner(onnx)) {
            Map<String, OnnxRunner.Output> actual = model.run("x", input, shape);
            for (String o : outputs) {
                ParityAssertions.assertOutputMatches("op-zoo " + o, actual.get(o), expected.path("outputs").path(o));
            }
        }
    }
}

package gallery.vision.models.tfjs.graph;

import gallery.vision.models.tfjs.graph.ops.StandardOps;
import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.tfjs.WeightMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds small graph models node by node for converter tests. Not thread-safe. */
final class TinyGraph {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<TfNode> nodes = new ArrayList<>();
    private final Map<String, FloatTensor> weights = new LinkedHashMap<>();

    /** Adds a node; {@code attrJson} is the node's {@code attr} object in tfjs's JSON encoding. */
    TinyGraph node(String name, String op, String attrJson, String... inputs) {
        nodes.add(new TfNode(name, op, List.of(inputs), JSON.readTree(attrJson)));
        return this;
    }

    TinyGraph placeholder(String name, long... shape) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(dims.length() == 0 ? "" : ",").append("{\"size\":\"").append(d).append("\"}");
        }
        return node(name, "Placeholder", "{\"shape\":{\"shape\":{\"dim\":[" + dims + "]}}}");
    }

    TinyGraph constant(String name, FloatTensor value) {
        weights.put(name, value);
        return node(name, "Const", "{\"dtype\":{\"type\":\"DT_FLOAT\"}}");
    }

    TinyGraph intConstant(String name, long... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = values[i];
        }
        weights.put(name, FloatTensor.of(f, values.length));
        return node(name, "Const", "{\"dtype\":{\"type\":\"DT_INT32\"}}");
    }

    static String s(String text) {
        return "{\"s\":\"" + Base64.getEncoder().encodeToString(text.getBytes()) + "\"}";
    }

    static String ints(long... values) {
        StringBuilder b = new StringBuilder("{\"list\":{\"i\":[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return b.append("]}}").toString();
    }

    TfGraphModel model() {
        return new TfGraphModel(nodes, new WeightMap(weights));
    }

    /** Converts and writes the ONNX file into {@code dir}. */
    Path convert(ConversionSpec spec, Path dir) throws Exception {
        Path file = dir.resolve("tiny.onnx");
        Files.write(file, new TfjsGraphConverter(StandardOps.registry()).convert(model(), spec, "tiny",
                new ModelInfo("test", "0", "tiny graph", Map.of())).toByteArray());
        return file;
    }
}

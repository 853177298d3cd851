package gallery.vision.models.tfjs.graph;

import gallery.vision.models.tfjs.WeightMap;
import gallery.vision.models.tfjs.WeightsGroup;
import gallery.vision.models.tfjs.WeightsReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TensorFlow.js graph model ({@code format: "graph-model"}): the GraphDef nodes of {@code modelTopology} and the
 * decoded weights of {@code weightsManifest} (every {@code Const} node's value, by node name). Immutable,
 * thread-safe.
 *
 * @param nodes   the nodes in file order
 * @param weights decoded weights
 */
public record TfGraphModel(List<TfNode> nodes, WeightMap weights) {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public TfGraphModel {
        nodes = List.copyOf(nodes);
    }

    /**
     * Builds the model from a parsed {@code model.json}; {@code shards} supplies the weight files it names.
     * {@code source} names the model in errors.
     */
    public static TfGraphModel fromJson(JsonNode modelJson, WeightsReader.ShardSource shards, String source)
            throws IOException {
        String format = modelJson.path("format").asString("graph-model");
        if (!"graph-model".equals(format) || !modelJson.path("modelTopology").has("node")) {
            throw new IOException(source + " is not a TensorFlow.js graph model (format " + format
                    + "); layers models are not supported");
        }
        List<TfNode> nodes = new ArrayList<>();
        for (JsonNode n : modelJson.path("modelTopology").path("node")) {
            nodes.add(TfNode.fromJson(n));
        }
        List<WeightsGroup> groups = JSON.convertValue(modelJson.path("weightsManifest"),
                new TypeReference<List<WeightsGroup>>() { });
        return new TfGraphModel(nodes, WeightsReader.read(groups, shards, source));
    }
}

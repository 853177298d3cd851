package gallery.vision.models.tfjs.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One node of a TensorFlow.js graph model's {@code modelTopology.node} list: a GraphDef {@code NodeDef} in JSON.
 * Attribute values keep the JSON encoding TensorFlow.js writes ({@code {"i": "2"}}, {@code {"s": base64}},
 * {@code {"list": {"i": [...]}}}, ...); the typed accessors decode them. Immutable, thread-safe.
 *
 * @param name   unique node name
 * @param op     TensorFlow op name, e.g. {@code _FusedConv2D}
 * @param inputs data inputs as tensor references ({@code node} or {@code node:index}); control inputs
 *               ({@code ^node}) are dropped
 * @param attr   the {@code attr} object (never null; empty when absent)
 */
public record TfNode(String name, String op, List<String> inputs, JsonNode attr) {

    public TfNode {
        inputs = List.copyOf(inputs);
    }

    static TfNode fromJson(JsonNode node) {
        List<String> inputs = new ArrayList<>();
        for (JsonNode in : node.path("input")) {
            String ref = in.asString();
            if (!ref.startsWith("^")) {
                inputs.add(ref);
            }
        }
        return new TfNode(node.path("name").asString(), node.path("op").asString(), inputs, node.path("attr"));
    }

    public boolean has(String key) {
        return attr.has(key);
    }

    public long i(String key, long defaultValue) {
        JsonNode v = attr.path(key).path("i");
        return v.isMissingNode() ? defaultValue : Long.parseLong(v.asString());
    }

    public float f(String key, float defaultValue) {
        JsonNode v = attr.path(key).path("f");
        return v.isMissingNode() ? defaultValue : (float) v.asDouble();
    }

    public boolean b(String key, boolean defaultValue) {
        JsonNode v = attr.path(key).path("b");
        return v.isMissingNode() ? defaultValue : v.asBoolean();
    }

    /** A string attribute ({@code s}, base64-encoded in the JSON). */
    public String s(String key, String defaultValue) {
        JsonNode v = attr.path(key).path("s");
        return v.isMissingNode() ? defaultValue : decode(v.asString());
    }

    /** An int list attribute; empty when absent. */
    public long[] ints(String key) {
        JsonNode list = attr.path(key).path("list").path("i");
        long[] out = new long[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Long.parseLong(list.get(k).asString());
        }
        return out;
    }

    /** A string list attribute; empty when absent. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : attr.path(key).path("list").path("s")) {
            out.add(decode(v.asString()));
        }
        return out;
    }

    /** A type attribute, e.g. {@code DT_FLOAT}; null when absent. */
    public String type(String key) {
        JsonNode v = attr.path(key).path("type");
        return v.isMissingNode() ? null : v.asString();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return op + " " + name;
    }
}

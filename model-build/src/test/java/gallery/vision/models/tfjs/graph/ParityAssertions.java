package gallery.vision.models.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gallery.vision.models.testing.OnnxRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares one ONNX Runtime output with a tfjs reference fixture entry ({@code tools/tfjs-reference/summary.js}):
 * shape, every sampled element, and min, max and mean over all elements, each within {@value #TOLERANCE}.
 */
final class ParityAssertions {

    static final double TOLERANCE = 1e-3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParityAssertions() {
    }

    /** Asserts and returns the max absolute difference over the sampled elements. */
    static double assertOutputMatches(String what, OnnxRunner.Output actual, JsonNode expected) {
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
        assertThat(min).as(what + " min").isCloseTo(expected.path("min").asDouble(), within(TOLERANCE));
        assertThat(max).as(what + " max").isCloseTo(expected.path("max").asDouble(), within(TOLERANCE));
        assertThat(sum / v.length).as(what + " mean").isCloseTo(expected.path("mean").asDouble(), within(TOLERANCE));
        return maxDiff;
    }
}

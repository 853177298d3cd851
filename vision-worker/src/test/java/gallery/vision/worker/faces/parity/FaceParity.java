package gallery.vision.worker.faces.parity;

import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.within;

/**
 * The end-to-end parity tolerances of {@code parity/faces/index.json}, applied to answers as JSON (so field names
 * count too): same faces in the same order; box within 1 px; score within 0.01; age within 1 year; same gender, probability within 0.02; each
 * expression within 0.02; each landmark within 1.5 px; descriptor euclidean distance below 0.05.
 */
final class FaceParity {

    static final double BOX_PX = 1;
    static final double SCORE = 0.01;
    private static final double AGE_YEARS = 1;
    private static final double PROBABILITY = 0.02;
    private static final double LANDMARK_PX = 1.5;
    private static final double DESCRIPTOR_DISTANCE = 0.05;
    private static final String[] EXPRESSIONS = {"neutral", "happy", "sad", "angry", "fearful", "disgusted",
        "surprised"};
    private static final String[] LANDMARK_GROUPS = {"positions", "leftEye", "leftEyeBrow", "rightEye",
        "rightEyeBrow", "mouth", "nose", "jawOutline", "refPointsForAlignment"};

    private FaceParity() {
    }

    static void assertFacesMatch(JsonNode expected, JsonNode actual) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(actual.size()).as("number of faces").isEqualTo(expected.size());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            face(soft, "face " + i, expected.get(i), actual.get(i));
        }
        soft.assertAll();
    }

    /** Scored boxes (detections or aligned rects): {@code {box {x, y, width, height}, score}}. */
    static void scoredBox(SoftAssertions soft, String what, JsonNode expected, JsonNode actual) {
        for (String field : new String[] {"x", "y", "width", "height"}) {
            close(soft, what + " box." + field, expected.get("box"), actual.get("box"), field, BOX_PX);
        }
        close(soft, what + " score", expected, actual, "score", SCORE);
    }

    private static void face(SoftAssertions soft, String face, JsonNode expected, JsonNode actual) {
        scoredBox(soft, face + " alignedRect", expected.get("alignedRect"), actual.get("alignedRect"));
        soft.assertThat(actual.path("gender").asString()).as(face + " gender")
                .isEqualTo(expected.get("gender").asString());
        close(soft, face + " genderProbability", expected, actual, "genderProbability", PROBABILITY);
        close(soft, face + " age", expected, actual, "age", AGE_YEARS);
        for (String expression : EXPRESSIONS) {
            close(soft, face + " " + expression, expected.get("expressions"), actual.path("expressions"),
                    expression, PROBABILITY);
        }
        for (String group : LANDMARK_GROUPS) {
            JsonNode want = expected.get("landmarks").get(group);
            JsonNode got = actual.path("landmarks").path(group);
            soft.assertThat(got.size()).as(face + " landmarks." + group + " count").isEqualTo(want.size());
            for (int p = 0; p < Math.min(want.size(), got.size()); p++) {
                double dx = got.get(p).get("x").asDouble() - want.get(p).get("x").asDouble();
                double dy = got.get(p).get("y").asDouble() - want.get(p).get("y").asDouble();
                soft.assertThat(Math.hypot(dx, dy)).as(face + " landmarks." + group + "[" + p + "] distance (px)")
                        .isLessThanOrEqualTo(LANDMARK_PX);
            }
        }
        JsonNode want = expected.get("descriptor");
        JsonNode got = actual.path("descriptor");
        soft.assertThat(got.size()).as(face + " descriptor length").isEqualTo(want.size());
        double sum = 0;
        for (int d = 0; d < Math.min(want.size(), got.size()); d++) {
            double diff = got.get(d).asDouble() - want.get(d).asDouble();
            sum += diff * diff;
        }
        soft.assertThat(Math.sqrt(sum)).as(face + " descriptor distance").isLessThan(DESCRIPTOR_DISTANCE);
    }

    private static void close(SoftAssertions soft, String what, JsonNode expected, JsonNode actual, String field,
                              double tolerance) {
        JsonNode got = actual.path(field);
        soft.assertThat(got.isNumber()).as(what + " is a number").isTrue();
        soft.assertThat(got.asDouble()).as(what).isCloseTo(expected.get(field).asDouble(), within(tolerance));
    }
}

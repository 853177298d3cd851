package gallery.vision.worker.portability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two documents written by {@link AnalyzeCommand} (a reference run and a run on another CPU), image by
 * image, with the tolerances of the face parity tests and {@value #VALUE_TOLERANCE} for objects and embeddings:
 * <ul>
 *   <li>faces: same number in the same order; box IoU at least {@value #MIN_BOX_IOU}; score, each expression and
 *       gender probability within {@value #PROBABILITY_TOLERANCE}; age within {@value #AGE_TOLERANCE}; same gender
 *       where either run is at least {@value #CONFIDENT_GENDER} sure; each landmark within
 *       {@value #LANDMARK_TOLERANCE_PX} px; descriptors at most {@value #MAX_DESCRIPTOR_DISTANCE} apart (euclidean);</li>
 *   <li>objects: same classes in the same order; scores within {@value #VALUE_TOLERANCE}; box edges within
 *       {@value #VALUE_TOLERANCE} of the image's width or height;</li>
 *   <li>embeddings: same length, every value within {@value #VALUE_TOLERANCE}.</li>
 * </ul>
 * Prints the largest difference of each kind and every violation; exits 1 when there is one, 2 on bad input.
 * Not thread-safe; runs once per process.
 */
public final class AnswerComparison {

    static final double MIN_BOX_IOU = 0.9;
    static final double PROBABILITY_TOLERANCE = 0.02;
    static final double AGE_TOLERANCE = 1;
    static final double CONFIDENT_GENDER = 0.8;
    static final double LANDMARK_TOLERANCE_PX = 1.5;
    static final double MAX_DESCRIPTOR_DISTANCE = 0.05;
    static final double VALUE_TOLERANCE = 1e-3;

    private final List<String> violations = new ArrayList<>();
    private final Map<String, Double> largest = new java.util.TreeMap<>();

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: AnswerComparison REFERENCE.json OTHER.json");
            System.exit(2);
        }
        JsonMapper json = JsonMapper.builder().build();
        JsonNode reference = json.readTree(Path.of(args[0]).toFile());
        JsonNode other = json.readTree(Path.of(args[1]).toFile());
        AnswerComparison comparison = new AnswerComparison();
        comparison.compareDocuments(reference, other);
        System.out.println("compare: " + other.path("runtime").asString() + " against "
                + reference.path("runtime").asString());
        comparison.largest.forEach((what, value) ->
                System.out.printf(Locale.ROOT, "compare:   largest %s: %.3g%n", what, value));
        comparison.violations.forEach(v -> System.out.println("compare: MISMATCH " + v));
        System.exit(comparison.violations.isEmpty() ? 0 : 1);
    }

    /** The violations found so far, one sentence each. */
    List<String> violations() {
        return violations;
    }

    void compareDocuments(JsonNode reference, JsonNode other) {
        JsonNode expectedImages = reference.path("images");
        JsonNode actualImages = other.path("images");
        if (expectedImages.size() == 0 || expectedImages.size() != actualImages.size()) {
            violations.add("image count " + actualImages.size() + " instead of " + expectedImages.size());
            return;
        }
        for (int i = 0; i < expectedImages.size(); i++) {
            JsonNode expected = expectedImages.get(i);
            JsonNode actual = actualImages.get(i);
            String image = expected.path("file").asString();
            if (!expected.path("sha1").equals(actual.path("sha1"))
                    || expected.path("width").asInt() != actual.path("width").asInt()
                    || expected.path("height").asInt() != actual.path("height").asInt()) {
                violations.add(image + ": not the same image (sha1 or decoded size differs)");
                continue;
            }
            compareFaces(image, expected.path("faces").path("data"), actual.path("faces").path("data"));
            compareObjects(image, expected.path("width").asDouble(), expected.path("height").asDouble(),
                    expected.path("objects").path("data"), actual.path("objects").path("data"));
            compareEmbedding(image, expected.path("embeddings").path("data"), actual.path("embeddings").path("data"));
        }
    }

    void compareFaces(String image, JsonNode expected, JsonNode actual) {
        if (!sameCount(image + " faces", expected, actual)) {
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            String face = image + " face " + i;
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            double iou = iou(box(e.path("alignedRect").path("box")), box(a.path("alignedRect").path("box")));
            note("face box 1 - IoU", 1 - iou);
            check(iou >= MIN_BOX_IOU, face + ": box IoU " + iou + " < " + MIN_BOX_IOU);
            within(face + " score", "face score", e.path("alignedRect").path("score"),
                    a.path("alignedRect").path("score"), PROBABILITY_TOLERANCE);
            within(face + " age", "face age", e.path("age"), a.path("age"), AGE_TOLERANCE);
            within(face + " genderProbability", "face gender probability", e.path("genderProbability"),
                    a.path("genderProbability"), PROBABILITY_TOLERANCE);
            boolean confident = e.path("genderProbability").asDouble() >= CONFIDENT_GENDER
                    || a.path("genderProbability").asDouble() >= CONFIDENT_GENDER;
            check(!confident || e.path("gender").equals(a.path("gender")),
                    face + ": gender " + a.path("gender").asString() + " instead of " + e.path("gender").asString());
            for (Map.Entry<String, JsonNode> expression : e.path("expressions").properties()) {
                within(face + " expression " + expression.getKey(), "face expression", expression.getValue(),
                        a.path("expressions").path(expression.getKey()), PROBABILITY_TOLERANCE);
            }
            comparePositions(face, e.path("landmarks").path("positions"), a.path("landmarks").path("positions"));
            double distance = distance(e.path("descriptor"), a.path("descriptor"));
            note("face descriptor distance", distance);
            check(distance <= MAX_DESCRIPTOR_DISTANCE, face + ": descriptor distance " + distance + " > "
                    + MAX_DESCRIPTOR_DISTANCE);
        }
    }

    private void comparePositions(String face, JsonNode expected, JsonNode actual) {
        if (!sameCount(face + " landmarks", expected, actual)) {
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            within(face + " landmark " + i + " x", "face landmark px", expected.get(i).path("x"),
                    actual.get(i).path("x"), LANDMARK_TOLERANCE_PX);
            within(face + " landmark " + i + " y", "face landmark px", expected.get(i).path("y"),
                    actual.get(i).path("y"), LANDMARK_TOLERANCE_PX);
        }
    }

    void compareObjects(String image, double width, double height, JsonNode expected, JsonNode actual) {
        if (!sameCount(image + " objects", expected, actual)) {
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            String object = image + " object " + i;
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            check(e.path("class").equals(a.path("class")),
                    object + ": class " + a.path("class").asString() + " instead of " + e.path("class").asString());
            within(object + " score", "object score", e.path("score"), a.path("score"), VALUE_TOLERANCE);
            double[] scale = {width, height, width, height};
            for (int c = 0; c < 4; c++) {
                double difference = Math.abs(e.path("bbox").path(c).asDouble() - a.path("bbox").path(c).asDouble())
                        / scale[c];
                note("object box / image side", difference);
                check(difference <= VALUE_TOLERANCE, object + ": bbox[" + c + "] differs by " + difference
                        + " of the image side (tolerance " + VALUE_TOLERANCE + ")");
            }
        }
    }

    void compareEmbedding(String image, JsonNode expected, JsonNode actual) {
        if (!sameCount(image + " embedding values", expected, actual)) {
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            within(image + " embedding[" + i + "]", "embedding value", expected.get(i), actual.get(i),
                    VALUE_TOLERANCE);
        }
    }

    private boolean sameCount(String what, JsonNode expected, JsonNode actual) {
        if (!expected.isArray() || !actual.isArray()) {
            violations.add(what + ": missing");
            return false;
        }
        check(expected.size() == actual.size(), what + ": " + actual.size() + " instead of " + expected.size());
        return expected.size() == actual.size();
    }

    private void within(String what, String kind, JsonNode expected, JsonNode actual, double tolerance) {
        if (!expected.isNumber() || !actual.isNumber()) {
            violations.add(what + ": missing");
            return;
        }
        double difference = Math.abs(expected.asDouble() - actual.asDouble());
        note(kind, difference);
        check(difference <= tolerance, what + ": " + actual.asDouble() + " instead of " + expected.asDouble()
                + " (tolerance " + tolerance + ")");
    }

    private void check(boolean condition, String violation) {
        if (!condition) {
            violations.add(violation);
        }
    }

    private void note(String kind, double difference) {
        largest.merge(kind, difference, Math::max);
    }

    private static double[] box(JsonNode box) {
        return new double[] {box.path("x").asDouble(), box.path("y").asDouble(), box.path("width").asDouble(),
                box.path("height").asDouble()};
    }

    static double iou(double[] a, double[] b) {
        double w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
        double intersection = Math.max(0, w) * Math.max(0, h);
        double union = a[2] * a[3] + b[2] * b[3] - intersection;
        return union > 0 ? intersection / union : 0;
    }

    private static double distance(JsonNode a, JsonNode b) {
        if (!a.isArray() || a.size() == 0 || a.size() != b.size()) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = a.get(i).asDouble() - b.get(i).asDouble();
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}

package gallery.vision.worker.portability;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerComparisonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One image's answers as AnalyzeCommand writes them, with a few values replaced. */
    private static JsonNode document(double boxX, String gender, double genderProbability, double descriptor0,
                                     String objectClass, double objectX, double embedding0) {
        return JSON.readTree("""
                {"runtime": "test", "images": [{"file": "a.jpg", "sha1": "ab", "width": 300, "height": 200,
                  "faces": {"data": [{"alignedRect": {"box": {"x": %s, "y": 10, "width": 40, "height": 40},
                                                      "score": 0.9},
                                      "gender": "%s", "genderProbability": %s, "age": 30.5,
                                      "expressions": {"neutral": 0.7, "happy": 0.3},
                                      "landmarks": {"positions": [{"x": 12, "y": 15}]},
                                      "descriptor": [%s, 0.2, -0.1]}]},
                  "objects": {"data": [{"bbox": [%s, 20, 100, 80], "class": "%s", "score": 0.6}]},
                  "embeddings": {"data": [%s, 1.5, 0.0]}}]}
                """.formatted(boxX, gender, genderProbability, descriptor0, objectX, objectClass, embedding0));
    }

    private static AnswerComparison compare(JsonNode reference, JsonNode other) {
        AnswerComparison comparison = new AnswerComparison();
        comparison.compareDocuments(reference, other);
        return comparison;
    }

    private static final JsonNode REFERENCE = document(10, "male", 0.95, 0.1, "person", 30, 0.5);

    @Test
    void acceptsFloatRoundingDifferences() {
        JsonNode other = document(10.00001, "male", 0.95001, 0.10001, "person", 30.0001, 0.50001);

        assertThat(compare(REFERENCE, other).violations()).isEmpty();
    }

    @Test
    void reportsFaceBoxThatMovedBeyondIouTolerance() {
        assertThat(compare(REFERENCE, document(16, "male", 0.95, 0.1, "person", 30, 0.5)).violations())
                .singleElement().asString().contains("a.jpg face 0: box IoU");
    }

    @Test
    void reportsConfidentGenderThatFlipped() {
        assertThat(compare(REFERENCE, document(10, "female", 0.95, 0.1, "person", 30, 0.5)).violations())
                .singleElement().asString().contains("gender female instead of male");
    }

    @Test
    void toleratesUnsureGenderThatFlipped() {
        JsonNode unsure = document(10, "male", 0.51, 0.1, "person", 30, 0.5);

        assertThat(compare(unsure, document(10, "female", 0.51, 0.1, "person", 30, 0.5)).violations()).isEmpty();
    }

    @Test
    void reportsDescriptorFartherThanTolerance() {
        assertThat(compare(REFERENCE, document(10, "male", 0.95, 0.16, "person", 30, 0.5)).violations())
                .singleElement().asString().contains("descriptor distance");
    }

    @Test
    void reportsObjectOfAnotherClassOrMovedBox() {
        assertThat(compare(REFERENCE, document(10, "male", 0.95, 0.1, "dog", 30.5, 0.5)).violations())
                .hasSize(2).anySatisfy(v -> assertThat(v).contains("class dog instead of person"))
                .anySatisfy(v -> assertThat(v).contains("bbox[0] differs"));
    }

    @Test
    void reportsEmbeddingValueBeyondOneThousandth() {
        assertThat(compare(REFERENCE, document(10, "male", 0.95, 0.1, "person", 30, 0.502)).violations())
                .singleElement().asString().contains("a.jpg embedding[0]");
    }

    @Test
    void reportsMissingAnswers() {
        JsonNode empty = JSON.readTree("""
                {"runtime": "test", "images": [{"file": "a.jpg", "sha1": "ab", "width": 300, "height": 200}]}
                """);

        assertThat(compare(REFERENCE, empty).violations()).hasSize(3).allSatisfy(v -> assertThat(v).endsWith("missing"));
    }

    @Test
    void reportsRunWithoutImages() {
        JsonNode none = JSON.readTree("{\"runtime\": \"test\", \"images\": []}");

        assertThat(compare(REFERENCE, none).violations()).containsExactly("image count 0 instead of 1");
    }
}

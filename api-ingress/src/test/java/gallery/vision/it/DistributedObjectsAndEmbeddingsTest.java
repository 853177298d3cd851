package gallery.vision.it;

import gallery.vision.common.testing.FaceApiPackage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode with every model the build ships: {@code /objects} and {@code /embeddings} answer for real through
 * the broker and the bucket, as they do in embedded mode (their analyzers' own tests hold the values to the networks).
 */
class DistributedObjectsAndEmbeddingsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DistributedCluster cluster;
    private static byte[] photo;

    @BeforeAll
    static void startCluster() throws IOException {
        photo = Files.readAllBytes(FaceApiPackage.demoPhoto("sample1.jpg")
                .orElseThrow(() -> new IllegalStateException("the build extracts face-api's demo photos")));
        cluster = DistributedCluster.start(1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void answersObjectsInCocoSsdShape() {
        HttpResponse<String> response = cluster.post("/objects", photo);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("model").asString()).isEqualTo("centernet-mobilenet-v3");
        assertThat(answer.get("width").asInt()).isEqualTo(1920);
        List<String> confident = new ArrayList<>();
        answer.get("data").forEach(d -> {
            assertThat(d.get("bbox").size()).isEqualTo(4);
            if (d.get("score").asDouble() > 0.6) {
                confident.add(d.get("class").asString());
            }
        });
        assertThat(confident).contains("person");
    }

    @Test
    void answersEmbeddingsOfNonNegativeValues() {
        HttpResponse<String> response = cluster.post("/embeddings", photo);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.body()).get("data");
        assertThat(data.size()).isEqualTo(7168); // colour and gray features standardised (HomeGalleryStandardisation)
        data.forEach(v -> assertThat(v.asDouble()).isGreaterThanOrEqualTo(0.0));
    }
}

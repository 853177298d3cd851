package gallery.vision.ingress;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.common.Sha1;
import gallery.vision.ingress.support.Http;
import gallery.vision.common.testing.FaceApiPackage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /faces} end to end in embedded mode with the face models the build converted: the seed's sample and a
 * face-api demo photo, over real HTTP. Detailed parity with face-api lives in vision-worker's parity tests; this
 * checks the whole service answers what the original server answers for the seed's own sample (EXPECTED.md).
 */
@EmbeddedIngressTest
class FacesHttpTest {

    private static final Path SEED_SAMPLE_2 = Path.of("../../shared/fixtures/seed/sample-2.jpg");

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static boolean seedSamplePresent() {
        boolean present = Files.isRegularFile(SEED_SAMPLE_2);
        if (!present) {
            System.err.println("SKIPPED seed sample test: " + SEED_SAMPLE_2.toAbsolutePath().normalize() + " is absent");
        }
        return present;
    }

    /** Needs {@code ../shared} (CI has it, a user's clone does not); {@link #answersGroupPhotoLikeFaceApi} needs nothing. */
    @Test
    @EnabledIf("seedSamplePresent")
    void answersSeedSampleLikeTheOriginalServer() throws IOException {
        byte[] jpeg = Files.readAllBytes(SEED_SAMPLE_2);

        HttpResponse<String> response = http.postJpeg("/faces", jpeg);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.propertyNames()).containsExactly("srcSha1sum", "model", "version", "created", "width", "height", "data");
        assertThat(answer.get("srcSha1sum").asString()).isEqualTo("c3328f60fd4fc6c85bfff3fdba9e2f067c135e5f");
        assertThat(answer.get("model").asString()).isEqualTo("face-api");
        assertThat(answer.get("width").asInt()).isEqualTo(300);
        assertThat(answer.get("height").asInt()).isEqualTo(188);
        // EXPECTED.md: 6 faces, male x5 then female. The sixth face scores about 0.11 (Home Gallery keeps >= 0.7) and
        // its gender flips with the JPEG decoder's chroma upsampling (ours vs the original's jpeg-js; see
        // tools/faceapi-reference/README.md), so only the five confident faces are held to the original's genders.
        assertThat(answer.get("data").size()).isEqualTo(6);
        List<String> genders = new ArrayList<>();
        answer.get("data").forEach(face -> genders.add(face.get("gender").asString()));
        assertThat(genders.subList(0, 5)).containsOnly("male");
        assertThat(answer.get("data").get(5).get("alignedRect").get("score").asDouble()).isLessThan(0.2);
        // The original server's first face (EXPECTED.md), within the parity tolerances of issue 3.
        JsonNode first = answer.get("data").get(0);
        JsonNode box = first.get("alignedRect").get("box");
        assertThat(box.get("x").asDouble()).isCloseTo(99.933, within(1.0));
        assertThat(box.get("y").asDouble()).isCloseTo(53.162, within(1.0));
        assertThat(box.get("width").asDouble()).isCloseTo(24.011, within(1.0));
        assertThat(box.get("height").asDouble()).isCloseTo(21.716, within(1.0));
        assertThat(first.get("alignedRect").get("score").asDouble()).isCloseTo(0.98257, within(0.01));
        assertThat(first.get("genderProbability").asDouble()).isCloseTo(0.990, within(0.02));
        assertThat(first.get("age").asDouble()).isCloseTo(40.7, within(1.0));
        // Expressions of this 24 px face move by up to 0.19 with the decoder's chroma upsampling, so they are held to
        // face-api's answers on identical pixels in vision-worker's parity tests, not to EXPECTED.md here.
        assertThat(first.get("expressions").get("neutral").asDouble()).isGreaterThan(0.5);
    }

    /**
     * The same check as the seed sample's on a photo every build has: face-api's demo photo {@code sample5.jpg} (five
     * faces), fetched with the face-api npm package and extracted by model-build. The expected values are the original
     * server's answer for these bytes: face-api 1.7.15 on tfjs fed by jpeg-js 0.4.4 (vision-worker's
     * {@code parity/faces/jpeg/faceapi-sample5.json}), within its parity tolerances: same faces in the same order, box
     * within 1 px, score within 0.01, age within 1 year.
     */
    @Test
    void answersGroupPhotoLikeFaceApi() throws IOException {
        Path photo = FaceApiPackage.demoPhoto("sample5.jpg")
                .orElseThrow(() -> new IllegalStateException("the build extracts face-api's demo photos; run the reactor build"));
        byte[] jpeg = Files.readAllBytes(photo);

        HttpResponse<String> response = http.postJpeg("/faces", jpeg);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.propertyNames()).containsExactly("srcSha1sum", "model", "version", "created", "width", "height", "data");
        assertThat(answer.get("srcSha1sum").asString()).isEqualTo("e6ab6224a49bd953f40b8e7942644c8c19e9bec9");
        assertThat(answer.get("model").asString()).isEqualTo("face-api");
        assertThat(answer.get("width").asInt()).isEqualTo(1920);
        assertThat(answer.get("height").asInt()).isEqualTo(1398);
        JsonNode faces = answer.get("data");
        assertThat(faces.size()).isEqualTo(5);
        double[] ages = {30.94, 32.81, 36.31, 23.68, 41.09};
        for (int i = 0; i < faces.size(); i++) {
            assertThat(faces.get(i).get("gender").asString()).as("gender of face %d", i).isEqualTo("female");
            assertThat(faces.get(i).get("age").asDouble()).as("age of face %d", i).isCloseTo(ages[i], within(1.1));
            assertThat(faces.get(i).get("descriptor").size()).isEqualTo(128);
        }
        JsonNode first = faces.get(0);
        JsonNode box = first.get("alignedRect").get("box");
        assertThat(box.get("x").asDouble()).isCloseTo(758.426, within(1.0));
        assertThat(box.get("y").asDouble()).isCloseTo(136.642, within(1.0));
        assertThat(box.get("width").asDouble()).isCloseTo(205.823, within(1.0));
        assertThat(box.get("height").asDouble()).isCloseTo(200.527, within(1.0));
        assertThat(first.get("alignedRect").get("score").asDouble()).isCloseTo(0.99269, within(0.01));
        assertThat(first.get("genderProbability").asDouble()).isCloseTo(0.837, within(0.02));
    }

    @Test
    void answersDemoPhotoWithEveryFieldHomeGalleryReads() throws IOException {
        Path photo = FaceApiPackage.demoPhoto("sample1.jpg")
                .orElseThrow(() -> new IllegalStateException("the build extracts face-api's demo photos; run the reactor build"));
        byte[] jpeg = Files.readAllBytes(photo);

        HttpResponse<String> response = http.postJpeg("/faces", jpeg);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("srcSha1sum").asString()).isEqualTo(Sha1.hex(jpeg));
        assertThat(answer.get("data").size()).isGreaterThanOrEqualTo(1);
        for (JsonNode face : answer.get("data")) {
            assertThat(face.get("alignedRect").get("score").asDouble()).isBetween(0.1, 1.0);
            assertThat(face.get("gender").asString()).isIn("male", "female");
            assertThat(face.get("expressions").propertyNames())
                    .containsExactly("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");
            assertThat(face.get("landmarks").get("positions").size()).isEqualTo(68);
            assertThat(face.get("descriptor").size()).isEqualTo(128);
        }
        assertThat(http.postJpeg("/faces", jpeg).body()).as("second answer comes from the store").isEqualTo(response.body());
    }
}

package gallery.vision.worker.faces.parity;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.faces.FaceAnalyzer;
import gallery.vision.worker.faces.parity.ParityFixtures.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link FaceAnalyzer} (shared sessions, a predictor per call) used from several threads at once, as the
 * embedded dispatcher does: every call answers as face-api does for its own image.
 */
class FaceAnalyzerConcurrencyTest {

    private final TestFaceModels models = new TestFaceModels();

    @AfterEach
    void closeModels() {
        models.close();
    }

    @Test
    void concurrentCallsOnDifferentImagesEachMatchFaceApi() throws Exception {
        FaceAnalyzer analyzer = models.analyzer();
        List<Fixture> fixtures = ParityFixtures.list("e2e").stream()
                .filter(f -> List.of("sample1.json", "tiny-40x30.json", "wide-1000x100.json").contains(f.name()))
                .toList();
        assertThat(fixtures).hasSize(3);
        List<RgbImage> images = fixtures.stream().map(f -> ParityImages.load(f.json())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<JsonNode>> calls = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (RgbImage image : images) {
                    calls.add(() -> ParityFixtures.JSON.valueToTree(analyzer.analyze(image)));
                }
            }
            List<Future<JsonNode>> answers = pool.invokeAll(calls);
            for (int i = 0; i < answers.size(); i++) {
                FaceParity.assertFacesMatch(fixtures.get(i % images.size()).json().get("faces"), answers.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

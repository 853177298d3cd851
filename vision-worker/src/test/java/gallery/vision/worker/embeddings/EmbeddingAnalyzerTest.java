package gallery.vision.worker.embeddings;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.models.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped embedder (real converted model) on face-api's demo photos. */
class EmbeddingAnalyzerTest {

    private static EmbeddingAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new EmbeddingAnalyzer(TestModels.load(EmbeddingsConfiguration.EMBEDDER.name()),
                EmbeddingsConfiguration.EMBEDDER);
    }

    @AfterAll
    static void close() {
        if (analyzer != null) {
            analyzer.close();
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample4.jpg"})
    void givesTheMirroredPhotoAnEmbeddingWithCosineAbove0point9(String photo) throws Exception {
        RgbImage image = TestModels.demoPhoto(photo);

        double similarity = cosine(analyzer.analyze(image), analyzer.analyze(TestModels.flipped(image)));

        assertThat(similarity).isGreaterThan(0.9);
    }

    @Test
    void givesNonNegativeValuesOnePerChannel() throws Exception {
        float[] embedding = analyzer.analyze(TestModels.demoPhoto("sample2.jpg"));

        assertThat(embedding).hasSize(1792);
        for (float v : embedding) {
            assertThat(v).isGreaterThanOrEqualTo(0f).isLessThanOrEqualTo(6f);
        }
    }

    @Test
    void tellsDifferentPhotosApartMoreThanMirroredCopies() throws Exception {
        RgbImage a = TestModels.demoPhoto("sample1.jpg");
        float[] ea = analyzer.analyze(a);

        assertThat(cosine(ea, analyzer.analyze(TestModels.demoPhoto("sample5.jpg"))))
                .isLessThan(cosine(ea, analyzer.analyze(TestModels.flipped(a))));
    }
}

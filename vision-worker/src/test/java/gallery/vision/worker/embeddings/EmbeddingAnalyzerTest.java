package gallery.vision.worker.embeddings;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.models.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped embedder (real converted model) on face-api's six demo photos. */
class EmbeddingAnalyzerTest {

    private static final int PHOTOS = 6;
    private static EmbeddingAnalyzer analyzer;
    private static final List<float[]> ORIGINALS = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        analyzer = new EmbeddingAnalyzer(TestModels.load(EmbeddingsConfiguration.EMBEDDER.name()),
                EmbeddingsConfiguration.EMBEDDER, EmbeddingTransform.NONE);
        for (int i = 1; i <= PHOTOS; i++) {
            ORIGINALS.add(analyzer.analyze(TestModels.demoPhoto("sample" + i + ".jpg")));
        }
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

    /**
     * Measured cosine of a mirrored demo photo to its original: 0.856 (sample4) to 0.920 (sample1); MobileNet v2's
     * pooled features are not mirror-symmetric, but the copy is always nearest to its own original (the evaluation's
     * flip recall@1 is 100% over 122 photos).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void givesTheMirroredPhotoAnEmbeddingNearestItsOriginalWithCosineAbove0point85(int sample) throws Exception {
        RgbImage image = TestModels.demoPhoto("sample" + sample + ".jpg");
        float[] mirrored = analyzer.analyze(TestModels.flipped(image));

        double own = cosine(ORIGINALS.get(sample - 1), mirrored);

        assertThat(own).isGreaterThan(0.85);
        for (int other = 1; other <= PHOTOS; other++) {
            if (other != sample) {
                assertThat(cosine(ORIGINALS.get(other - 1), mirrored)).as("cosine to sample" + other).isLessThan(own);
            }
        }
    }

    @Test
    void givesNonNegativeValuesOnePerChannelWithinRelu6() {
        for (float[] embedding : ORIGINALS) {
            assertThat(embedding).hasSize(1792);
            for (float v : embedding) {
                assertThat(v).isGreaterThanOrEqualTo(0f).isLessThanOrEqualTo(6f);
            }
        }
    }

    /** What {@code /embeddings} answers: the shipped shaping of these features, 384 non-negative values. */
    @Test
    void shapesTheFeaturesInto384NonNegativeValuesThatStillFindTheMirroredPhoto() throws Exception {
        RgbImage image = TestModels.demoPhoto("sample1.jpg");
        float[] mirrored = EmbeddingsConfiguration.TRANSFORM.apply(analyzer.analyze(TestModels.flipped(image)));

        for (float[] features : ORIGINALS) {
            float[] shaped = EmbeddingsConfiguration.TRANSFORM.apply(features);
            assertThat(shaped).hasSize(384);
            for (float v : shaped) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
        }
        double own = cosine(EmbeddingsConfiguration.TRANSFORM.apply(ORIGINALS.get(0)), mirrored);
        for (int other = 2; other <= PHOTOS; other++) {
            assertThat(cosine(EmbeddingsConfiguration.TRANSFORM.apply(ORIGINALS.get(other - 1)), mirrored))
                    .as("cosine to sample" + other).isLessThan(own);
        }
    }
}

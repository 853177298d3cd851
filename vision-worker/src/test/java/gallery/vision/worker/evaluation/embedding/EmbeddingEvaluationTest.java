package gallery.vision.worker.evaluation.embedding;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.EmbeddingFunction;
import gallery.vision.worker.evaluation.transform.NearDuplicates;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingEvaluationTest {

    private static final List<RgbImage> SOLID = List.of(solid(200, 20, 20), solid(20, 200, 20), solid(20, 20, 200));
    private final EmbeddingEvaluation evaluation = new EmbeddingEvaluation(NearDuplicates.transforms());

    @Test
    void findsEveryCopyWhenTheEmbeddingIgnoresTheEdits() {
        EmbeddingFunction meanColour = EmbeddingEvaluationTest::meanColour; // cosine ignores the brightness factor

        EmbeddingEvaluation.Result result = evaluation.run(meanColour, List.of("r", "g", "b"),
                List.of(List.of("x"), List.of("x"), List.of("y")), SOLID::get);

        assertThat(result.overallRaw()).isEqualTo(1.0);
        assertThat(result.misses()).noneMatch(miss -> !miss.codes());
        assertThat(result.recalls()).hasSize(5);
        assertThat(result.dimensions()).isEqualTo(3);
        assertThat(result.kinds()).extracting(SameKindRanking.KindResult::kind).containsExactly("x");
        assertThat(result.kindsOnCodes()).extracting(SameKindRanking.KindResult::kind).containsExactly("x");
    }

    @Test
    void findsOnlyTheFirstPhotoWhenAllEmbeddingsAreEqual() {
        EmbeddingFunction constant = image -> new float[] {1, 1, 1};

        EmbeddingEvaluation.Result result = evaluation.run(constant, List.of("r", "g", "b"),
                List.of(List.of("x"), List.of("x"), List.of("y")), SOLID::get);

        assertThat(result.overallRaw()).isEqualTo(1.0 / 3);
        assertThat(result.overallCodes()).isEqualTo(1.0 / 3);
        assertThat(result.misses()).hasSize(2 * 5 * 2);
    }

    private static float[] meanColour(RgbImage image) {
        double[] sum = new double[3];
        for (int i = 0; i < image.rgb().length; i++) {
            sum[i % 3] += image.rgb()[i] & 0xff;
        }
        float[] mean = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = (float) (sum[c] / (image.rgb().length / 3.0) / 100);
        }
        return mean;
    }

    private static RgbImage solid(int r, int g, int b) {
        byte[] rgb = new byte[32 * 24 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return new RgbImage(32, 24, Arrays.copyOf(rgb, rgb.length));
    }
}

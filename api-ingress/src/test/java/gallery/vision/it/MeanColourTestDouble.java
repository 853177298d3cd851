package gallery.vision.it;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Map;

/**
 * TEST DOUBLE, test sources only, used by {@link DistributedModeBenchmark} alone: a trivial analyzer (the image's mean
 * colour) in both modes, so that the benchmark measures what distributed mode adds rather than model time. The
 * integration tests run the real faces analyzer.
 */
@ConditionalOnProperty(MeanColourTestDouble.SWITCH)
final class MeanColourTestDouble {

    /** Set to true (with {@code MODEL_DIR} naming a manifest that lists no model) to run this instead of the models. */
    static final String SWITCH = "gallery.test.mean-colour-analyzer";

    static final ModelRef MODEL = new ModelRef("test-double-mean-colour", "1");

    @Bean
    InstalledAnalyzer facesTestDouble() {
        return new InstalledAnalyzer(AnalysisKind.FACES, MODEL, MeanColourTestDouble::analyze);
    }

    static Object analyze(RgbImage image) {
        long[] sums = new long[3];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    sums[c] += image.channel(x, y, c);
                }
            }
        }
        double pixels = (double) image.width() * image.height();
        return List.of(Map.of("meanRed", sums[0] / pixels, "meanGreen", sums[1] / pixels, "meanBlue", sums[2] / pixels));
    }
}

package gallery.vision.ingress.support;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * Installs, for {@code /embeddings}, a test double that takes {@link #ANALYSIS_MILLIS} per image and answers an empty
 * list: a model slower than requests arrive (the context must install no real model there, e.g. {@link NoModels}).
 */
@TestConfiguration
public class SlowEmbeddingsAnalyzer {

    public static final long ANALYSIS_MILLIS = 300;

    @Bean
    InstalledAnalyzer slowEmbeddings() {
        return new InstalledAnalyzer(AnalysisKind.EMBEDDINGS, new ModelRef("slow-test-double", "1"), image -> {
            try {
                Thread.sleep(ANALYSIS_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });
    }
}

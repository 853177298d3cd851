package gallery.vision.ingress.support;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Installs {@link BlockingTestAnalyzer} for {@code /embeddings} in a test context (which must also install no real
 * model there, e.g. {@code MODEL_DIR} from {@link NoModels}).
 */
@TestConfiguration
public class HeldEmbeddingsAnalyzer {

    @Bean
    BlockingTestAnalyzer blockingTestAnalyzer() {
        return new BlockingTestAnalyzer();
    }

    @Bean
    InstalledAnalyzer heldEmbeddings(BlockingTestAnalyzer analyzer) {
        return new InstalledAnalyzer(AnalysisKind.EMBEDDINGS, new ModelRef("test-double", "1"), analyzer);
    }
}

package gallery.vision.worker.faces;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FacesConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(FacesConfiguration.class)
            .withPropertyValues("gallery.onnx.intra-op-threads=2");

    @Test
    void installsNoFaceAnalyzerWithoutModelsSoFacesAnswers503(@TempDir Path empty) {
        runner.withPropertyValues("MODEL_DIR=" + empty).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(InstalledAnalyzer.class);
            AnalyzerRegistry registry = new AnalyzerRegistry(
                    context.getBeanProvider(InstalledAnalyzer.class).orderedStream().toList());
            assertThatThrownBy(() -> registry.require(AnalysisKind.FACES))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("model for faces is not installed");
        });
    }

    @Test
    void aMissingNetworkMeansNoFaceAnalyzer(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("faces"));
        for (String name : new String[] {"face-detector", "face-landmarks", "face-recognition", "face-age-gender"}) {
            Files.writeString(dir.resolve("faces/" + name + ".onnx"), "not read");
        }
        runner.withPropertyValues("MODEL_DIR=" + dir)
                .run(context -> assertThat(context).doesNotHaveBean(InstalledAnalyzer.class));
    }

    @Test
    void failsAtStartUpNamingTheVariableOfABadThreadCount() {
        runner.withPropertyValues("gallery.onnx.intra-op-threads=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ONNX_INTRA_OP_THREADS");
        });
    }
}

package gallery.vision.worker.faces;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.common.ModelRef;
import gallery.vision.models.ModelFiles;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FacesConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(FacesConfiguration.class)
            .withPropertyValues("gallery.onnx.intra-op-threads=2");

    @Test
    void installsNoFaceAnalyzerWithoutModelsSoFacesAnswers503(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "[]");
        runner.withPropertyValues("MODEL_DIR=" + dir).run(context -> {
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
        // the manifest lists four of the five networks
        Files.createDirectories(dir.resolve("faces"));
        StringBuilder manifest = new StringBuilder("[");
        for (String name : new String[] {"face-detector", "face-landmarks", "face-recognition", "face-age-gender"}) {
            Files.writeString(dir.resolve("faces/" + name + ".onnx"), "x");
            manifest.append(manifest.length() > 1 ? "," : "").append("{\"name\":\"").append(name)
                    .append("\",\"file\":\"faces/").append(name).append(".onnx\",\"version\":\"face-api-1.7.15\",")
                    .append("\"sourcePackage\":\"@vladmandic/face-api\",\"sourceVersion\":\"1.7.15\",")
                    .append("\"sha256\":\"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\"}");
        }
        Files.writeString(dir.resolve("manifest.json"), manifest.append("]").toString());
        runner.withPropertyValues("MODEL_DIR=" + dir)
                .run(context -> assertThat(context).doesNotHaveBean(InstalledAnalyzer.class));
    }

    @Test
    void workerCoreInstallsTheFaceAnalyzerWhenTheModelsAreBuilt(@TempDir Path data) {
        assumeTrue(FaceModelFiles.find(ModelFiles.fromClasspath(getClass().getClassLoader())::path).isPresent(),
                "skipped: the face models are not on the classpath (models module not built)");
        new ApplicationContextRunner()
                .withUserConfiguration(WorkerCoreConfiguration.class)
                .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
                .withPropertyValues("gallery.storage.data-dir=" + data, "gallery.image.max-pixels=50000000",
                        "gallery.onnx.intra-op-threads=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AnalyzerRegistry.class).model(AnalysisKind.FACES))
                            .contains(new ModelRef("face-api", "1.7.15"));
                });
    }

    @Test
    void failsAtStartUpNamingModelDirWhenItHasNoManifest(@TempDir Path dir) {
        // the directory exists but has no manifest (a MODEL_DIR naming no existing path installs nothing: 503)
        runner.withPropertyValues("MODEL_DIR=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("MODEL_DIR=");
        });
    }

    @Test
    void failsAtStartUpNamingTheVariableOfABadThreadCount() {
        runner.withPropertyValues("gallery.onnx.intra-op-threads=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ONNX_INTRA_OP_THREADS");
        });
    }
}

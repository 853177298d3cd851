package gallery.vision.worker.models;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.common.ModelRef;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.objects.ObjectsConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /objects} and {@code /embeddings} get an analyzer exactly when their ONNX model is installed. */
class ObjectAndEmbeddingInstallationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ObjectsConfiguration.class, EmbeddingsConfiguration.class)
            .withPropertyValues("gallery.onnx.intra-op-threads=1");

    @Test
    void installsNoAnalyzerWhenTheModelDirectoryListsNeitherModelSoBothAnswer503(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "[]");
        runner.withPropertyValues("MODEL_DIR=" + dir).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(InstalledAnalyzer.class);
            AnalyzerRegistry registry = new AnalyzerRegistry(
                    context.getBeanProvider(InstalledAnalyzer.class).orderedStream().toList());
            assertThatThrownBy(() -> registry.require(AnalysisKind.OBJECTS)).isInstanceOf(ApiException.class)
                    .hasMessage("model for objects is not installed");
            assertThatThrownBy(() -> registry.require(AnalysisKind.EMBEDDINGS)).isInstanceOf(ApiException.class)
                    .hasMessage("model for embeddings is not installed");
        });
    }

    @Test
    void installsNothingWhenModelDirDoesNotExist(@TempDir Path dir) {
        runner.withPropertyValues("MODEL_DIR=" + dir.resolve("missing"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InstalledAnalyzer.class));
    }

    @Test
    void failsAtStartUpNamingModelDirWhenItExistsWithoutManifest(@TempDir Path dir) {
        runner.withPropertyValues("MODEL_DIR=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("MODEL_DIR=");
        });
    }

    @Test
    void workerCoreInstallsBothAnalyzersNamedByManifestNameAndVersionPlusPostProcessingRevision(@TempDir Path data) {
        workerCore(data)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AnalyzerRegistry registry = context.getBean(AnalyzerRegistry.class);
                    assertThat(registry.model(AnalysisKind.OBJECTS))
                            .contains(new ModelRef("centernet-mobilenet-v3", "human-models-3.0.4-cal5"));
                    assertThat(registry.model(AnalysisKind.EMBEDDINGS))
                            .contains(new ModelRef("nsfw-mobilenet-v2-features", "nsfwjs-4.4.0-duo-hgshape7"));
                });
    }

    @Test
    void flipTestTimeAugmentationAnswersObjectsUnderItsOwnVersion(@TempDir Path data) {
        workerCore(data).withPropertyValues("gallery.objects.flip=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AnalyzerRegistry.class).model(AnalysisKind.OBJECTS))
                            .contains(new ModelRef("centernet-mobilenet-v3", "human-models-3.0.4-flip-cal5"));
                });
    }

    private static ApplicationContextRunner workerCore(Path data) {
        return new ApplicationContextRunner()
                .withUserConfiguration(WorkerCoreConfiguration.class)
                .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
                .withPropertyValues("gallery.storage.data-dir=" + data, "gallery.image.max-pixels=50000000",
                        "gallery.onnx.intra-op-threads=1");
    }
}

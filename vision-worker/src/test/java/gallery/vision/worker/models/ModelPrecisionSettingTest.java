package gallery.vision.worker.models;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.faces.answer.FaceAnswer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code MODEL_PRECISION}: which manifest entries the worker core installs, and what answers then report. */
class ModelPrecisionSettingTest {

    private ApplicationContextRunner core(Path data) {
        return new ApplicationContextRunner()
                .withUserConfiguration(WorkerCoreConfiguration.class)
                .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
                .withPropertyValues("gallery.storage.data-dir=" + data, "gallery.image.max-pixels=50000000",
                        "gallery.onnx.intra-op-threads=1");
    }

    @Test
    void int8InstallsTheInt8VariantsAndAnswersUnderTheirOwnVersion(@TempDir Path data) throws Exception {
        ModelFiles int8 = ModelFiles.fromClasspath(getClass().getClassLoader()).withPrecision(ModelPrecision.INT8);
        assumeTrue(int8.entry("face-detector").isPresent(), "skipped: the int8 models are not built");
        var photo = TestModels.demoPhoto("sample1.jpg");
        core(data).withPropertyValues("MODEL_PRECISION=int8").run(context -> {
            assertThat(context).hasNotFailed();
            AnalyzerRegistry registry = context.getBean(AnalyzerRegistry.class);
            assertThat(registry.model(AnalysisKind.FACES)).contains(new ModelRef("face-api", "1.7.15-int8"));
            assertThat(registry.model(AnalysisKind.OBJECTS).orElseThrow().version()).contains("-int8");
            assertThat(registry.model(AnalysisKind.EMBEDDINGS).orElseThrow().version()).contains("-int8");
            @SuppressWarnings("unchecked")
            List<FaceAnswer> faces = (List<FaceAnswer>) registry.require(AnalysisKind.FACES).analyzer().analyze(photo);
            assertThat(faces).isNotEmpty().allSatisfy(f -> assertThat(f.descriptor()).hasSize(128));
        });
    }

    @Test
    void fp32IsTheDefaultAndKeepsTheFp32Versions(@TempDir Path data) {
        assumeTrue(ModelFiles.fromClasspath(getClass().getClassLoader()).entry("face-detector").isPresent(),
                "skipped: the models are not built");
        core(data).run(context -> assertThat(context.getBean(AnalyzerRegistry.class).model(AnalysisKind.FACES))
                .contains(new ModelRef("face-api", "1.7.15")));
    }

    @Test
    void failsAtStartUpNamingModelPrecisionForAnUnknownValue(@TempDir Path data) {
        core(data).withPropertyValues("MODEL_PRECISION=int4").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("MODEL_PRECISION=int4")
                    .hasStackTraceContaining("fp32").hasStackTraceContaining("int8");
        });
    }
}

package gallery.vision.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import gallery.vision.common.models.ModelPrecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void classpathCarriesTheFiveFaceModelsOfTheContractWithVerifiableFiles() {
        ModelFiles files = ModelFiles.fromClasspath(getClass().getClassLoader());

        List<ModelEntry> faces = files.entries().stream().filter(e -> e.name().startsWith("face-")).toList();
        assertThat(faces).extracting(ModelEntry::name).containsExactly(
                "face-detector", "face-landmarks", "face-recognition", "face-age-gender", "face-expression");
        assertThat(faces).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("faces/" + e.name() + ".onnx");
            assertThat(e.version()).isEqualTo("face-api-1.7.15");
            assertThat(e.sourcePackage()).isEqualTo("@vladmandic/face-api");
            assertThat(e.sourceVersion()).isEqualTo("1.7.15");
        });
        Path detector = files.path("face-detector").orElseThrow();
        assertThat(detector).isRegularFile().hasFileName("face-detector.onnx");
    }

    @Test
    void classpathCarriesTheShippedGraphModelsOfTheCatalogWithVerifiableFiles() {
        ModelFiles files = ModelFiles.fromClasspath(getClass().getClassLoader());

        List<ModelEntry> graphModels = files.entries().stream().filter(e -> e.file().startsWith("tfjs/")).toList();
        assertThat(graphModels).extracting(ModelEntry::name)
                .containsExactlyInAnyOrder("centernet-mobilenet-v3", "nsfw-mobilenet-v2-features");
        assertThat(files.entry("centernet-mobilenet-v3").orElseThrow().version()).isEqualTo("human-models-3.0.4");
        assertThat(files.entry("nsfw-mobilenet-v2-features").orElseThrow().version()).isEqualTo("nsfwjs-4.4.0");
        assertThat(graphModels).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("tfjs/" + e.name() + ".onnx");
            assertThat(files.path(e.name())).isPresent();
        });
    }

    @Test
    void classpathCarriesAnInt8VariantOfEveryModelUnderItsOwnFileAndVersion() {
        ModelFiles fp32 = ModelFiles.fromClasspath(getClass().getClassLoader());
        ModelFiles int8 = fp32.withPrecision(ModelPrecision.INT8);

        assertThat(int8.entries()).extracting(ModelEntry::name)
                .containsExactlyElementsOf(fp32.entries().stream().map(ModelEntry::name).toList());
        assertThat(int8.entries()).allSatisfy(e -> {
            ModelEntry original = fp32.entry(e.name()).orElseThrow();
            assertThat(e.file()).isEqualTo(original.file().replace(".onnx", "-int8.onnx"));
            assertThat(e.version()).isEqualTo(original.version() + "-int8");
            assertThat(int8.path(e.name())).hasValueSatisfying(p -> assertThat(p).hasFileName(
                    Path.of(e.file()).getFileName().toString()));
        });
    }

    @Test
    void modelDirectoryHandsOutAFileWhoseSha256MatchesTheManifest() throws IOException {
        Path file = writeModel("m.onnx", "model bytes");
        writeManifest(ModelFiles.sha256(file));

        assertThat(ModelFiles.fromDirectory(dir).path("m")).contains(file);
    }

    @Test
    void failsLoudlyWhenTheFileDiffersFromTheManifest() throws IOException {
        writeModel("m.onnx", "model bytes");
        writeManifest("00".repeat(32));

        assertThatThrownBy(() -> ModelFiles.fromDirectory(dir).path("m")).hasMessageContaining("sha256");
    }

    @Test
    void answersEmptyForAListedModelWhoseFileIsAbsentAndForAnUnknownName() throws IOException {
        writeManifest("00".repeat(32));

        ModelFiles files = ModelFiles.fromDirectory(dir);

        assertThat(files.path("m")).isEmpty();
        assertThat(files.path("no-such-model")).isEmpty();
    }

    private Path writeModel(String name, String content) throws IOException {
        Path f = dir.resolve("sub").resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, content);
    }

    private void writeManifest(String sha256) throws IOException {
        ModelManifest.write(List.of(new ModelEntry("m", "sub/m.onnx", "v1", "pkg", "1.0", sha256)),
                dir.resolve(ModelManifest.FILE_NAME));
    }
}

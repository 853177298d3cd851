package gallery.vision.worker.faces;

import gallery.vision.common.ModelRef;
import gallery.vision.common.models.ModelEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceModelFilesTest {

    @Test
    void answersAreKeyedByTheUnscopedPackageAndVersionTheManifestNames() {
        List<ModelEntry> entries = FaceModelFiles.NAMES.stream().map(name -> entry(name, "1.7.16")).toList();

        assertThat(FaceModelFiles.model(entries)).isEqualTo(new ModelRef("face-api", "1.7.16"));
    }

    @Test
    void refusesFaceModelsConvertedFromTwoVersions() {
        List<ModelEntry> entries = List.of(entry(FaceModelFiles.DETECTOR, "1.7.15"),
                entry(FaceModelFiles.LANDMARKS, "1.7.16"));

        assertThatThrownBy(() -> FaceModelFiles.model(entries))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one face-api version");
    }

    private static ModelEntry entry(String name, String version) {
        return new ModelEntry(name, "faces/" + name + ".onnx", "face-api-" + version, "@vladmandic/face-api", version,
                "0".repeat(64));
    }
}

package gallery.vision.common.storage;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageKeysTest {

    private static final String SHA1 = "c3328f60fd4fc6c85bfff3fdba9e2f067c135e5f";

    @Test
    void fansImageKeysOutOverTwoLevels() {
        assertThat(StorageKeys.imageKey(SHA1)).isEqualTo("images/c3/32/" + SHA1 + ".jpg");
    }

    @Test
    void keysResultsByAnalysisModelAndVersion() {
        assertThat(StorageKeys.resultKey(AnalysisKind.FACES, new ModelRef("face-api", "1.7.15"), SHA1))
                .isEqualTo("results/faces/face-api/1.7.15/c3/32/" + SHA1 + ".json");
    }

    @Test
    void refusesAnythingButALowerCaseSha1() {
        assertThatThrownBy(() -> StorageKeys.imageKey("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKeys.imageKey(SHA1.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }
}

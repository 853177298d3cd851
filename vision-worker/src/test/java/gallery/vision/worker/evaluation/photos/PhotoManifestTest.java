package gallery.vision.worker.evaluation.photos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoManifestTest {

    @Test
    void readsIdsTagsAndTheFetchedFileName() {
        List<EvalPhoto> photos = PhotoManifest.parse(List.of(
                "id\tsource\tversion\tpath\tsha1\ttags\tlicence",
                "cat-1\tpython3-skimage\t0.19.3-8\tdata/chelsea.PNG\tabc\tcat, animal\tBSD-3-Clause"), Path.of("/p"));

        assertThat(photos).containsExactly(new EvalPhoto("cat-1", List.of("cat", "animal"), Path.of("/p/cat-1.png"),
                "abc"));
        assertThat(photos.get(0).kind()).isEqualTo("cat");
    }

    @Test
    void rejectsAFileWithoutHeader() {
        assertThatThrownBy(() -> PhotoManifest.parse(List.of("cat-1\tx"), Path.of("/p")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package gallery.vision.worker.evaluation.photos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CrossValidationFoldsTest {

    private static EvalPhoto photo(String id, String sha1) {
        return new EvalPhoto(id, List.of("x"), Path.of(id + ".jpg"), sha1);
    }

    @Test
    void assignsPhotosInSha1OrderRoundRobinSoFoldsDifferByAtMostOne() {
        List<EvalPhoto> photos = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            photos.add(photo("p" + i, String.format("%02x", 255 - i * 7) + "00"));
        }

        Map<String, Integer> folds = CrossValidationFolds.assign(photos, 5);

        assertThat(folds.get("p11")).isEqualTo(0); // smallest sha1
        assertThat(folds.get("p10")).isEqualTo(1);
        assertThat(folds.get("p0")).isEqualTo(1);  // largest of 12: index 11, 11 mod 5
        int[] sizes = new int[5];
        folds.values().forEach(f -> sizes[f]++);
        assertThat(sizes).containsExactly(3, 3, 2, 2, 2);
    }

    @Test
    void aPhotosFoldDoesNotDependOnItsNameOrTheListsOrder() {
        List<EvalPhoto> photos = List.of(photo("b", "a1"), photo("a", "c3"), photo("c", "b2"));

        assertThat(CrossValidationFolds.assign(photos, 3))
                .isEqualTo(CrossValidationFolds.assign(List.of(photos.get(2), photos.get(1), photos.get(0)), 3))
                .containsEntry("b", 0).containsEntry("c", 1).containsEntry("a", 2);
    }
}

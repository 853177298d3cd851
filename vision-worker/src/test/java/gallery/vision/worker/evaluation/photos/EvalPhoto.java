package gallery.vision.worker.evaluation.photos;

import java.nio.file.Path;
import java.util.List;

/**
 * One photo of the evaluation set (a row of {@code tools/eval-photos/photos.tsv}).
 *
 * @param id   stable name, also the file name in the fetch cache
 * @param tags categories (kinds), the main one first; same-kind ranking groups photos by every tag
 * @param file where {@code fetch.sh} put it
 * @param sha1 the file's sha1 (photos.tsv), which also decides the photo's {@link EvalSplit split}
 */
public record EvalPhoto(String id, List<String> tags, Path file, String sha1) {

    public String kind() {
        return tags.get(0);
    }
}

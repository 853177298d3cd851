package gallery.vision.worker.evaluation.photos;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed k-fold assignment of the training photos for choosing methods and settings by cross-validation without
 * looking at the held-out photos ({@link EvalSplit}): the photos sorted by sha1, the i-th in fold {@code i mod k}, so
 * the folds differ in size by at most one and do not depend on names, packages or content. Stateless.
 */
public final class CrossValidationFolds {

    /** The number of folds the fits use. */
    public static final int K = 5;

    private CrossValidationFolds() {
    }

    /** Photo id to fold (0 .. k-1). */
    public static Map<String, Integer> assign(List<EvalPhoto> photos, int k) {
        List<EvalPhoto> sorted = photos.stream().sorted(Comparator.comparing(EvalPhoto::sha1)).toList();
        Map<String, Integer> folds = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            folds.put(sorted.get(i).id(), i % k);
        }
        return folds;
    }
}

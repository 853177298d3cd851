package gallery.vision.common.storage;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.Sha1;

/**
 * The one scheme for keys in a {@link BlobStore}, shared by ingress and workers: where an uploaded image, a computed
 * answer and a model announcement live.
 *
 * <p>Image and answer keys fan out over two directory levels ({@code ab/cd/abcd...}) so that neither a filesystem
 * directory nor an S3 listing grows unbounded.
 */
public final class StorageKeys {

    /** Folder of every stored image: what expires after {@code IMAGE_TTL} (a bucket lifecycle rule, a file sweep). */
    public static final String IMAGES = "images/";

    private StorageKeys() {
    }

    /** Storage key of an uploaded JPEG. */
    public static String imageKey(String sha1) {
        return IMAGES + fanOut(sha1) + ".jpg";
    }

    /** Storage key of a computed answer for one analysis by one model version. */
    public static String resultKey(AnalysisKind kind, ModelRef model, String sha1) {
        return "results/" + kind.path() + "/" + model.name() + "/" + model.version() + "/" + fanOut(sha1) + ".json";
    }

    /**
     * Storage key where workers announce the model they run for an analysis (JSON of a {@link ModelRef}), so that
     * ingress can find stored answers without loading any model.
     */
    public static String modelKey(AnalysisKind kind) {
        return "models/" + kind.path() + ".json";
    }

    private static String fanOut(String sha1) {
        if (!Sha1.isValid(sha1)) {
            throw new IllegalArgumentException("not a lower-case sha1 hex digest: " + sha1);
        }
        return sha1.substring(0, 2) + "/" + sha1.substring(2, 4) + "/" + sha1;
    }
}

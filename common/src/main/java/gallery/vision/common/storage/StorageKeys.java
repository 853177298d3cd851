package gallery.vision.common.storage;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.Sha1;

import java.util.regex.Pattern;

/**
 * The one scheme for keys in a {@link BlobStore}, shared by ingress and workers: where an uploaded image, a computed
 * answer, a model announcement, a job record and an analysis failure live.
 *
 * <p>Image and answer keys fan out over two directory levels ({@code ab/cd/abcd...}) so that neither a filesystem
 * directory nor an S3 listing grows unbounded.
 */
public final class StorageKeys {

    /** Folder of every stored image: what expires after {@code IMAGE_TTL} (a bucket lifecycle rule, a sweep). */
    public static final String IMAGES = "images/";

    /** Folder of the job records ({@code POST /jobs}); every key in it is a {@link #jobKey}. */
    public static final String JOBS = "jobs/records/";

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private StorageKeys() {
    }

    /** Storage key of an uploaded JPEG. */
    public static String imageKey(String sha1) {
        return IMAGES + fanOut(sha1) + ".jpg";
    }

    /** Whether {@code key} lies below {@link #IMAGES}: the only keys image expiry ever deletes. */
    public static boolean isImageKey(String key) {
        return key != null && key.startsWith(IMAGES) && key.length() > IMAGES.length();
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

    /** Whether {@code id} has the shape of a job id (22 base64url characters: 128 random bits). */
    public static boolean isJobId(String id) {
        return id != null && JOB_ID.matcher(id).matches();
    }

    /** Storage key of a job record (read by ingress only). */
    public static String jobKey(String jobId) {
        if (!isJobId(jobId)) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        return JOBS + jobId + ".json";
    }

    /** The job id a key of {@link #JOBS} names, or null for any other key. */
    public static String jobIdOf(String key) {
        if (!key.startsWith(JOBS) || !key.endsWith(".json")) {
            return null;
        }
        String id = key.substring(JOBS.length(), key.length() - ".json".length());
        return isJobId(id) ? id : null;
    }

    /**
     * Storage key of the latest failure of an analysis of an image that a job asked for (JSON of an
     * {@link gallery.vision.common.jobs.AnalysisFailure}), written where the analysis ran, read by ingress.
     */
    public static String failureKey(AnalysisKind kind, String sha1) {
        return "jobs/failures/" + kind.path() + "/" + fanOut(sha1) + ".json";
    }

    private static String fanOut(String sha1) {
        if (!Sha1.isValid(sha1)) {
            throw new IllegalArgumentException("not a lower-case sha1 hex digest: " + sha1);
        }
        return sha1.substring(0, 2) + "/" + sha1.substring(2, 4) + "/" + sha1;
    }
}

package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.Sha1;

import java.util.regex.Pattern;

/**
 * Storage keys of asynchronous jobs, beside the answers and images of {@link gallery.vision.common.Routing}: job
 * records (read by ingress only) and analysis failures (written by whoever ran the analysis, read by ingress). In
 * embedded mode they live under {@code DATA_DIR}, in distributed mode in the bucket.
 */
public final class JobStorageKeys {

    /** Folder of the job records; every key in it is {@link #recordKey}. */
    public static final String RECORDS = "jobs/records/";

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private JobStorageKeys() {
    }

    /** Whether {@code id} has the shape of a job id (22 base64url characters, 128 random bits). */
    public static boolean isJobId(String id) {
        return id != null && JOB_ID.matcher(id).matches();
    }

    public static String recordKey(String jobId) {
        if (!isJobId(jobId)) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        return RECORDS + jobId + ".json";
    }

    /** The job id a key of {@link #RECORDS} names, or null for any other key. */
    public static String jobIdOf(String key) {
        if (!key.startsWith(RECORDS) || !key.endsWith(".json")) {
            return null;
        }
        String id = key.substring(RECORDS.length(), key.length() - ".json".length());
        return isJobId(id) ? id : null;
    }

    /** The latest failure of an analysis of an image that a job asked for (JSON of an {@link AnalysisFailure}). */
    public static String failureKey(AnalysisKind kind, String sha1) {
        if (!Sha1.isValid(sha1)) {
            throw new IllegalArgumentException("not a lower-case sha1 hex digest: " + sha1);
        }
        return "jobs/failures/" + kind.path() + "/" + sha1.substring(0, 2) + "/" + sha1.substring(2, 4) + "/" + sha1 + ".json";
    }
}

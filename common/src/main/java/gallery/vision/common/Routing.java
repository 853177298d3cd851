package gallery.vision.common;

/**
 * The one place for every name shared between ingress and workers: queue names, routing keys and the scheme that
 * turns a sha1 into a storage key.
 *
 * <p>Storage keys fan out over two directory levels ({@code ab/cd/abcd...}) so that neither a filesystem directory
 * nor an S3 listing grows unbounded.
 */
public final class Routing {

    /** Durable direct exchange that ingress publishes analysis jobs to. */
    public static final String JOBS_EXCHANGE = "gallery-vision.jobs";
    /** Durable queue that every worker consumes; one queue, any number of competing consumers. */
    public static final String JOBS_QUEUE = "gallery-vision.jobs";
    /**
     * Fanout exchange that jobs land in after too many failed deliveries (or when a worker rejects a malformed one).
     * It feeds two queues: {@link #DEAD_LETTER_QUEUE}, where they are parked for a human to look at, and
     * {@link #DEAD_LETTER_REPLIES_QUEUE}, whose consumer tells the waiting request that its job failed.
     */
    public static final String DEAD_LETTER_EXCHANGE = "gallery-vision.jobs.dlx";
    public static final String DEAD_LETTER_QUEUE = "gallery-vision.jobs.dead";
    public static final String DEAD_LETTER_REPLIES_QUEUE = "gallery-vision.jobs.dead.replies";

    /** Message header naming the analysis of a job ({@link AnalysisKind#path()}). */
    public static final String HEADER_ANALYSIS = "gv-analysis";
    /** Message header holding the sha1 of a job's image. */
    public static final String HEADER_SHA1 = "gv-sha1";
    /** Reply header: absent on an answer, the {@link ApiError} constant's name on a failed job. */
    public static final String HEADER_ERROR = "gv-error";
    /** Reply header: the client-visible message of a failed job. */
    public static final String HEADER_ERROR_MESSAGE = "gv-error-message";

    private Routing() {
    }

    /** Routing key of a job for one analysis, e.g. {@code analyze.faces}. */
    public static String jobRoutingKey(AnalysisKind kind) {
        return "analyze." + kind.path();
    }

    /** Storage key of an uploaded JPEG. */
    public static String imageKey(String sha1) {
        return "images/" + fanOut(sha1) + ".jpg";
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

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
    /** Exchange and queue that jobs land in after too many failed deliveries. */
    public static final String DEAD_LETTER_EXCHANGE = "gallery-vision.jobs.dlx";
    public static final String DEAD_LETTER_QUEUE = "gallery-vision.jobs.dead";

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

    private static String fanOut(String sha1) {
        if (!Sha1.isValid(sha1)) {
            throw new IllegalArgumentException("not a lower-case sha1 hex digest: " + sha1);
        }
        return sha1.substring(0, 2) + "/" + sha1.substring(2, 4) + "/" + sha1;
    }
}

package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;

/**
 * The broker names of the distributed job contract, shared by ingress (which publishes jobs) and workers (which
 * consume them): exchanges, queues, routing keys and message headers. {@link JobTopology} declares them,
 * {@link JobMessages} writes and reads the messages. Where images and answers are stored is
 * {@link gallery.vision.common.storage.StorageKeys}' business.
 */
public final class JobRouting {

    /**
     * Durable direct exchange that ingress publishes analysis jobs to, routed by {@link #jobRoutingKey} to the job
     * queue of their analysis. (Named apart from the single shared queue's exchange of earlier versions,
     * {@code gallery-vision.jobs}, so that the old queue's bindings never receive copies of new jobs.)
     */
    public static final String JOBS_EXCHANGE = "gallery-vision.analyses";
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
    /** Bulk job header: its analyses, comma-separated paths ({@code embeddings,faces}), all from one decode. */
    public static final String HEADER_ANALYSES = "gv-analyses";
    /** Reply header: absent on an answer, the {@link ApiError} constant's name on a failed job. */
    public static final String HEADER_ERROR = "gv-error";
    /** Reply header: the client-visible message of a failed job. */
    public static final String HEADER_ERROR_MESSAGE = "gv-error-message";

    private JobRouting() {
    }

    /**
     * Durable quorum queue of one analysis' interactive jobs, e.g. {@code gallery-vision.analyses.faces}: consumed by
     * every worker that has the analysis' model installed, and only by those, so a fleet may mix workers with
     * different models.
     */
    public static String jobQueue(AnalysisKind kind) {
        return JOBS_EXCHANGE + "." + kind.path();
    }

    /**
     * Durable quorum queue of one analysis' bulk jobs ({@code POST /jobs}), e.g. {@code gallery-vision.bulk.faces},
     * apart from the interactive {@link #jobQueue} so that workers serve interactive work first. Bulk jobs reach it
     * through the default exchange, without reply-to; like the interactive queue, only workers with the model
     * consume it.
     */
    public static String bulkQueue(AnalysisKind kind) {
        return "gallery-vision.bulk." + kind.path();
    }

    /** Routing key of a job for one analysis, e.g. {@code analyze.faces}. */
    public static String jobRoutingKey(AnalysisKind kind) {
        return "analyze." + kind.path();
    }
}

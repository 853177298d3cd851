package gallery.vision.common.jobs;

/**
 * Names of distributed mode's bulk lane: asynchronous jobs ({@code POST /jobs}) travel on a queue of their own,
 * apart from the interactive jobs of the synchronous routes, so that workers can serve interactive work first.
 *
 * <p>A bulk job is an empty persistent message published without reply-to to the default exchange with
 * {@link #QUEUE} as routing key. Its headers: {@link gallery.vision.common.Routing#HEADER_SHA1} (the image, stored
 * under {@link gallery.vision.common.Routing#imageKey}) and {@link #HEADER_ANALYSES} (comma-separated analysis
 * paths, all analysed from one decode). Workers store answers where the synchronous path stores them and failures
 * under {@link JobStorageKeys#failureKey}.
 */
public final class BulkJobs {

    /** Durable quorum queue of bulk jobs, consumed by every worker with reserved, lower-priority capacity. */
    public static final String QUEUE = "gallery-vision.bulk";
    /** Message header: the analyses of a bulk job, comma-separated paths ({@code embeddings,faces}). */
    public static final String HEADER_ANALYSES = "gv-analyses";

    private BulkJobs() {
    }
}

package gallery.vision.worker.metrics;

/**
 * The {@code outcome} tag of {@code gallery_vision_worker_jobs_total}: what a worker did with one delivery, as the
 * job listeners document it. Stateless.
 */
public enum WorkerJobOutcome {
    /** Analyzed (or found stored) and acknowledged: replied to the request, or, for a bulk job, stored. */
    ANSWERED("answered"),
    /** A definitive failure (model not installed here, store unreachable) replied as its error and acknowledged. */
    REPLIED_ERROR("replied_error"),
    /** Nacked back to the queue for another attempt (dead-lettered by the broker after JOB_DELIVERY_LIMIT). */
    REQUEUED("requeued"),
    /** Not a job message: rejected to the dead letters. */
    REJECTED("rejected");

    private final String tag;

    WorkerJobOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}

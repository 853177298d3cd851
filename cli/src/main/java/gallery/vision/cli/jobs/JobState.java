package gallery.vision.cli.jobs;

import gallery.vision.cli.analysis.Analysis;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A job as {@code POST /jobs} or {@code GET /jobs/{id}} reports it.
 *
 * @param id         the job id
 * @param status     {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param srcSha1sum sha1 of the posted image
 * @param results    each finished answer as the exact JSON text the service sent
 * @param errors     each failed analysis with the status and message its synchronous route would have answered
 * @param retryAfter the server's {@code Retry-After}, when sent
 */
public record JobState(String id, String status, String srcSha1sum, Map<Analysis, String> results,
                       Map<Analysis, AnalysisError> errors, Optional<Duration> retryAfter) {

    public JobState {
        results = Map.copyOf(results);
        errors = Map.copyOf(errors);
    }

    /** True when no more answers will come: {@code done} or {@code failed}. */
    public boolean finished() {
        return "done".equals(status) || "failed".equals(status);
    }

    /**
     * One analysis' failure inside a job.
     *
     * @param status  the HTTP status the synchronous route would have answered
     * @param message its error message
     */
    public record AnalysisError(int status, String message) {

        /** 503 (busy or not installed) and 504 (timed out) may succeed when asked again. */
        public boolean transientFailure() {
            return status == 503 || status == 504;
        }
    }
}

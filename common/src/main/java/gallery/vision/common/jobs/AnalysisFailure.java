package gallery.vision.common.jobs;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;

import java.time.Instant;

/**
 * An analysis that a job asked for and that failed, as the synchronous route would have answered it: the
 * {@link ApiError} (so its HTTP status) and the client-visible message. Stored under
 * {@link gallery.vision.common.storage.StorageKeys#failureKey} by whoever ran the analysis; a job counts it only when it failed after the job
 * was created, so an old failure never fails a new job that has not been tried yet.
 *
 * @param error   the {@link ApiError} constant
 * @param message the client-visible message
 * @param failed  when the analysis failed
 */
public record AnalysisFailure(ApiError error, String message, Instant failed) {

    public static AnalysisFailure of(ApiException exception, Instant failed) {
        return new AnalysisFailure(exception.error(), exception.getMessage(), failed);
    }
}

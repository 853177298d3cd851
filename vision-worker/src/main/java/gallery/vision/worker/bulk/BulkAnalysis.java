package gallery.vision.worker.bulk;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.worker.job.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Runs the analyses of one bulk job, in either mode: the image is decoded at most once for all of them (the
 * {@link ImageSource} keeps its pixels; not at all when every answer is already stored), each analysis waits for the {@link InteractiveFirstGate}, and
 * {@link JobHandler#handle} answers from the store what an earlier job already computed, so no analysis runs twice.
 *
 * <p>Outcomes per analysis: an answer is stored. A client-visible failure that another attempt would not change
 * (the model is not installed here, the image cannot be decoded) is recorded in {@link AnalysisFailures}. Anything
 * else (storage unreachable, an analyzer's unexpected exception) is retried: {@link RetryLater} is thrown, unless
 * this is the last attempt, in which case {@code lastFailure} is recorded. Thread-safe.
 */
public final class BulkAnalysis {

    private static final Logger log = LoggerFactory.getLogger(BulkAnalysis.class);

    /** An analysis failed in a way that another attempt may not repeat: the job goes back to its queue. */
    public static final class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JobHandler handler;
    private final AnalysisFailures failures;
    private final InteractiveFirstGate gate;

    public BulkAnalysis(JobHandler handler, AnalysisFailures failures, InteractiveFirstGate gate) {
        this.handler = handler;
        this.failures = failures;
        this.gate = gate;
    }

    /**
     * @param lastFailure recorded for a failure that is not definitive when no attempt follows; null when one does
     */
    public void run(String sha1, List<AnalysisKind> kinds, ImageSource image, ApiException lastFailure)
            throws InterruptedException {
        for (AnalysisKind kind : kinds) {
            gate.awaitIdle();
            try {
                handler.handle(kind, sha1, image);
            } catch (ApiException e) {
                if (e.error() == ApiError.BACKEND_UNAVAILABLE) {
                    retryOrRecord(kind, sha1, e, lastFailure);
                } else {
                    failures.record(kind, sha1, e);
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // Stopped while analyzing (a shutdown): not the image's fault, the job runs again later.
                    throw new InterruptedException("stopped during " + kind.path() + " " + sha1);
                }
                log.error("bulk {} {} failed unexpectedly", kind.path(), sha1, e);
                retryOrRecord(kind, sha1, e, lastFailure);
            }
        }
    }

    private void retryOrRecord(AnalysisKind kind, String sha1, RuntimeException e, ApiException lastFailure) {
        if (lastFailure == null) {
            throw new RetryLater(kind.path() + " " + sha1 + " failed", e);
        }
        failures.record(kind, sha1, lastFailure);
    }
}

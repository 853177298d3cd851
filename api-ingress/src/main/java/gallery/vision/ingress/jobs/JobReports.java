package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.answer.Timestamps;
import gallery.vision.common.jobs.AnalysisFailure;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.ingress.dispatch.StoredAnswers;
import tools.jackson.databind.util.RawValue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives where a job stands from the store: an analysis is finished when its answer is stored (for the current
 * model) or when it failed after the job was created. Nothing else is needed, so the report is the same whichever
 * process asks, after any restart. Thread-safe.
 */
public final class JobReports {

    private final StoredAnswers answers;
    private final AnalysisFailures failures;
    private final JobLauncher launcher;

    public JobReports(StoredAnswers answers, AnalysisFailures failures, JobLauncher launcher) {
        this.answers = answers;
        this.failures = failures;
        this.launcher = launcher;
    }

    public JobReport report(JobRecord job) {
        Map<String, RawValue> results = new LinkedHashMap<>();
        Map<String, JobReport.Failure> errors = new LinkedHashMap<>();
        for (AnalysisKind kind : job.kinds()) {
            Optional<byte[]> answer = answers.find(kind, job.sha1());
            if (answer.isPresent()) {
                results.put(kind.path(), new RawValue(new String(answer.get(), StandardCharsets.UTF_8)));
                continue;
            }
            failures.find(kind, job.sha1())
                    .filter(failure -> !failure.failed().isBefore(job.created()))
                    .ifPresent(failure -> errors.put(kind.path(), failure(failure)));
        }
        return new JobReport(job.id(), status(job, results.size(), errors.size()), job.sha1(),
                job.kinds().stream().map(AnalysisKind::path).toList(), Timestamps.iso(job.created()), results, errors);
    }

    /** The analyses of the job whose answers are not stored yet. */
    List<AnalysisKind> missing(JobRecord job) {
        return job.kinds().stream().filter(kind -> answers.find(kind, job.sha1()).isEmpty()).toList();
    }

    private JobStatus status(JobRecord job, int answered, int failed) {
        int requested = job.kinds().size();
        if (answered == requested) {
            return JobStatus.DONE;
        }
        if (answered + failed == requested) {
            return JobStatus.FAILED;
        }
        return answered + failed > 0 || launcher.isRunning(job.sha1()) ? JobStatus.RUNNING : JobStatus.QUEUED;
    }

    private static JobReport.Failure failure(AnalysisFailure failure) {
        return new JobReport.Failure(failure.error().status(), failure.message());
    }
}

package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.ImageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asynchronous jobs from submission to oblivion. A job is validated like a synchronous request (the image decoded
 * once for all its analyses), recorded, and only its analyses without a stored answer are launched; it is read back
 * from the store; and {@code JOB_TTL} after it was first seen finished it is forgotten (its answers stay).
 * Thread-safe.
 */
public final class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final BudgetedDecoder decoder;
    private final JobRecords records;
    private final JobReports reports;
    private final JobLauncher launcher;
    private final Clock clock;
    private final Duration ttl;

    public JobService(BudgetedDecoder decoder, JobRecords records, JobReports reports, JobLauncher launcher, Clock clock,
                      Duration ttl) {
        this.decoder = decoder;
        this.records = records;
        this.reports = reports;
        this.launcher = launcher;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Accepts a job; throws {@link ApiException} for bad input or when the job cannot be taken over durably. */
    public JobReport submit(List<AnalysisKind> kinds, byte[] jpeg) {
        String sha1 = Sha1.hex(jpeg);
        JobRecord job = new JobRecord(JobIds.next(), sha1, kinds, clock.instant(), null);
        List<AnalysisKind> missing = reports.missing(job);
        if (missing.isEmpty()) {
            records.save(job);
        } else {
            // Validated under the DECODE_PIXEL_BUDGET like a synchronous request; the launcher takes the decoded
            // image over and keeps its pixels when it analyzes the image soon (one decode per job), else drops them.
            ImageSource image = decoder.decode(jpeg);
            try {
                records.save(job);
                launcher.launch(job, missing, image);
            } catch (RuntimeException e) {
                image.release();
                records.delete(job.id());
                throw e;
            }
        }
        log.debug("job for {} accepted, {} of {} analyses to compute", sha1, missing.size(), kinds.size());
        return reports.report(job);
    }

    /** The job's report; a job seen finished for the first time is marked so, which starts its TTL. */
    public JobReport report(String id) {
        JobRecord job = records.find(id).orElseThrow(() -> ApiError.JOB_NOT_FOUND.exception(id));
        JobReport report = reports.report(job);
        if (report.status().finished() && job.finished() == null) {
            records.save(job.finishedAt(clock.instant()));
        }
        return report;
    }

    /** Forgets finished jobs older than the TTL and marks newly finished ones; returns how many were forgotten. */
    public int sweep() {
        Instant now = clock.instant();
        int forgotten = 0;
        for (String id : records.ids()) {
            Optional<JobRecord> found = records.find(id);
            if (found.isEmpty()) {
                continue;
            }
            JobRecord job = found.get();
            if (job.finished() == null) {
                if (reports.report(job).status().finished()) {
                    records.save(job.finishedAt(now));
                }
            } else if (!job.finished().plus(ttl).isAfter(now)) {
                records.delete(id);
                forgotten++;
            }
        }
        return forgotten;
    }

    /** Launches again the analyses of every unfinished job: embedded mode's start-up, after a crash or a stop. */
    public int resumeUnfinished() {
        int resumed = 0;
        for (String id : records.ids()) {
            Optional<JobRecord> job = records.find(id).filter(found -> found.finished() == null);
            if (job.isPresent() && !reports.report(job.get()).status().finished()) {
                List<AnalysisKind> missing = reports.missing(job.get());
                launcher.launch(job.get(), missing, null);
                resumed++;
            }
        }
        return resumed;
    }
}

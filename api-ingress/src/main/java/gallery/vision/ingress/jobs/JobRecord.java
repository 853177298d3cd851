package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;

import java.time.Instant;
import java.util.List;

/**
 * What is stored of a job: which image, which analyses, and when. Its progress is not stored here but derived from
 * the store, from the answers and failures of its image ({@link JobReports}), so that whoever runs an analysis never
 * has to touch a job record.
 *
 * @param id       the job id ({@link JobIds})
 * @param sha1     sha1 hex of the posted image
 * @param kinds    the analyses asked for, in the order of {@link AnalysisKind}
 * @param created  when the job was accepted
 * @param finished when the job was first seen finished, or null; the job is forgotten {@code JOB_TTL} after
 */
public record JobRecord(String id, String sha1, List<AnalysisKind> kinds, Instant created, Instant finished) {

    public JobRecord {
        kinds = List.copyOf(kinds);
    }

    JobRecord finishedAt(Instant when) {
        return new JobRecord(id, sha1, kinds, created, when);
    }
}

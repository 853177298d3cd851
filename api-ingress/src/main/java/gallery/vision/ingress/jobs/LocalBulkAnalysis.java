package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.ImageSource;

import java.util.List;

/**
 * Embedded mode's analysis core as the {@link EmbeddedBulkLane} sees it: runs the analyses of one bulk job behind
 * interactive work, storing each answer or recording its failure. Thread-safe.
 */
@FunctionalInterface
public interface LocalBulkAnalysis {

    /** @throws InterruptedException when the service stops mid-job; the job is resumed at the next start */
    void run(String sha1, List<AnalysisKind> kinds, ImageSource image) throws InterruptedException;
}

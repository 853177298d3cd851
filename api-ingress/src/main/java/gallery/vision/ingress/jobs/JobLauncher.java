package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.ImageSource;

import java.util.List;
import java.util.function.Consumer;

/**
 * Gets a job's missing analyses computed, behind interactive work: by the embedded bulk lane, or as a bulk job on
 * the broker for the workers. Answers and failures land in the store, where {@link JobReports} finds them.
 */
public interface JobLauncher {

    /**
     * Takes the analyses over; returns once they will be done even if this process dies (on disk, or confirmed by
     * the broker), or throws an {@link gallery.vision.common.ApiException}.
     *
     * @param image the image as validated at submission (its bytes, and its decoded pixels until released), or null
     *              when resuming a job whose image is stored already. The launcher owns it: it releases the pixels
     *              once it no longer needs them (at once, unless it analyzes the image in this process soon).
     */
    void launch(JobRecord job, List<AnalysisKind> missing, ImageSource image);

    /** Whether this process is computing analyses of the image right now (known in embedded mode only). */
    default boolean isRunning(String sha1) {
        return false;
    }

    /**
     * Registers a listener told the image's sha1 each time this process has stored answers or failures for it
     * (embedded mode); a launcher whose analyses run elsewhere never tells, ignores the listener and answers false.
     *
     * @return whether every answer and failure of a launched job will be told
     */
    default boolean whenLanded(Consumer<String> listener) {
        return false;
    }
}

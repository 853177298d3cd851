package gallery.vision.cli.run;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a run.
 *
 * @param done         images whose every planned answer is now stored
 * @param skipped      images that were already up to date (nothing posted)
 * @param notIndexable items that cannot be sent (videos, entries without a small enough preview), with reasons
 * @param failed       images with at least one answer that finally failed
 * @param failures     the answers that finally failed, each as {@code label: analysis: error}
 * @param time         wall time of the run
 */
public record RunSummary(long done, long skipped, long failed, List<String> notIndexable, List<String> failures,
                         Duration time) {

    public RunSummary {
        notIndexable = List.copyOf(notIndexable);
        failures = List.copyOf(failures);
    }

    /** True when everything requested is stored. */
    public boolean success() {
        return failures.isEmpty();
    }
}

package gallery.vision.ingress.dispatch;

import java.util.function.Supplier;

/** Embedded mode's analysis core as the {@link InProcessDispatcher} sees it. Thread-safe. */
@FunctionalInterface
public interface LocalAnalysis {

    /**
     * Checks at once that the job can run in this process (throwing the {@link gallery.vision.common.ApiException}
     * of a model that is not installed) and returns the work to queue: it computes and stores the answer and returns
     * its JSON bytes, without looking for a stored answer first.
     */
    Supplier<byte[]> prepare(AnalysisJob job);
}

package gallery.vision.ingress.dispatch;

import java.util.concurrent.CompletableFuture;

/**
 * Gets a job to a worker and its answer back: in-process in embedded mode, over RabbitMQ in distributed mode.
 * The future completes with the answer's JSON bytes, or exceptionally with an {@link gallery.vision.common.ApiException}.
 */
@FunctionalInterface
public interface JobDispatcher {

    CompletableFuture<byte[]> dispatch(AnalysisJob job);
}

package gallery.vision.ingress.dispatch;

import java.util.concurrent.CompletableFuture;

/**
 * Gets a job to a worker and its answer back: in-process in embedded mode, over RabbitMQ in distributed mode.
 *
 * <p>The contract, for every implementation and caller:
 * <ul>
 *   <li>The job is computed: the caller has looked for a stored answer already (see {@link StoredAnswers}), so a
 *       dispatcher does not look again.</li>
 *   <li>The future completes with the answer's JSON bytes. It fails with a {@link gallery.vision.common.ApiException}
 *       for every failure the client should see as such (model not installed, queue full, backend unavailable, a
 *       worker's error); anything else is a bug and reaches the client as a 500, logged with its stack trace.</li>
 *   <li>A dispatcher sets no deadline: the caller does ({@code REQUEST_TIMEOUT}, in {@code AnalysisService}).
 *       Cancelling the future says nobody waits for the answer any more; a dispatcher then frees what it holds
 *       for it and may drop the job if it has not started.</li>
 *   <li>A failure that is known at once (a model that is not installed) may be thrown by {@code dispatch} itself.</li>
 *   <li>The dispatcher owns the job's image from the call on: it calls {@link
 *       gallery.vision.common.image.ImageSource#release()} once it no longer needs the pixels (when the job has run,
 *       is dropped, or fails, including a failure thrown by {@code dispatch}), which gives back their share of the
 *       pixel budget.</li>
 * </ul>
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface JobDispatcher {

    CompletableFuture<byte[]> dispatch(AnalysisJob job);
}

package gallery.vision.ingress.analysis;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.ImageSource;
import gallery.vision.ingress.config.IngressProperties;
import gallery.vision.ingress.dispatch.AnalysisJob;
import gallery.vision.ingress.dispatch.JobDispatcher;
import gallery.vision.ingress.dispatch.StoredAnswers;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * From posted bytes to an answer: answers from the store when the current model has already seen the image, and
 * otherwise validates the JPEG and dispatches one job per (analysis, image) however many requests ask for it at once.
 *
 * <p>The one deadline of a request is set here: each request waits at most {@code REQUEST_TIMEOUT} for the shared
 * job, then fails with {@link ApiError#TIMEOUT}. A job keeps running while anyone waits for it; when the last
 * request waiting for it gives up, its future is cancelled so that the dispatcher can let it go.
 *
 * <p>The {@link ImageIntake} turns the bytes into the job's image and refuses bad input: in embedded mode it decodes
 * under the {@code DECODE_PIXEL_BUDGET} ({@link gallery.vision.common.image.BudgetedDecoder}), and the dispatcher gives
 * the pixels back when the job no longer needs them; in distributed mode a small image is only checked from its header
 * and decoded by the worker. A request for an image whose job is already in flight joins it without that step.
 * Thread-safe.
 */
@Service
public class AnalysisService {

    /** One dispatched job and the number of requests waiting for it (guarded by the map's per-key lock). */
    private static final class Flight {
        final CompletableFuture<byte[]> answer;
        int waiters;

        Flight(CompletableFuture<byte[]> answer) {
            this.answer = answer;
        }
    }

    private final ImageIntake intake;
    private final StoredAnswers stored;
    private final JobDispatcher dispatcher;
    private final Duration timeout;
    private final ConcurrentMap<String, Flight> inFlight = new ConcurrentHashMap<>();

    public AnalysisService(ImageIntake intake, StoredAnswers stored, JobDispatcher dispatcher,
                           IngressProperties ingress) {
        this.intake = intake;
        this.stored = stored;
        this.dispatcher = dispatcher;
        this.timeout = ingress.requestTimeout();
    }

    /**
     * Validates synchronously (throwing {@link gallery.vision.common.ApiException} for bad input) and returns the
     * answer's JSON bytes when ready. The future fails with an {@link gallery.vision.common.ApiException} for every
     * failure a client should see as such ({@link ApiError#TIMEOUT} after {@code REQUEST_TIMEOUT}); with anything
     * else only for a bug, which the web layer logs with its stack trace and answers 500.
     */
    public CompletableFuture<byte[]> analyze(AnalysisKind kind, byte[] jpeg) {
        // A stored answer exists only for bytes that were taken in before, so it is looked up first: a cached
        // answer then costs a hash and one store read, not a decode. This is the only lookup: dispatched jobs
        // are computed without looking again.
        String sha1 = Sha1.hex(jpeg);
        Optional<byte[]> answer = stored.find(kind, sha1);
        if (answer.isPresent()) {
            return CompletableFuture.completedFuture(answer.get());
        }
        String flightKey = kind.path() + "/" + sha1;
        Flight running = inFlight.computeIfPresent(flightKey, (key, current) -> {
            current.waiters++;
            return current;
        });
        Flight flight = running != null ? running : decodeAndDispatch(kind, sha1, jpeg, flightKey);
        flight.answer.whenComplete((bytes, failure) -> inFlight.remove(flightKey, flight));
        return withDeadline(flight.answer.copy()).whenComplete((bytes, failure) -> leave(flightKey, flight));
    }

    /** Takes the image in (decoding it in embedded mode) and dispatches, or joins a job dispatched meanwhile. */
    private Flight decodeAndDispatch(AnalysisKind kind, String sha1, byte[] jpeg, String flightKey) {
        ImageSource image = intake.accept(jpeg);
        boolean[] dispatched = {false};
        Flight flight = inFlight.compute(flightKey, (key, current) -> {
            Flight joined = current;
            if (joined == null) {
                dispatched[0] = true;
                joined = new Flight(dispatcher.dispatch(new AnalysisJob(kind, sha1, image)));
            }
            joined.waiters++;
            return joined;
        });
        if (!dispatched[0]) {
            image.release();
        }
        return flight;
    }

    /** Number of distinct jobs currently awaited. */
    public int inFlight() {
        return inFlight.size();
    }

    private CompletableFuture<byte[]> withDeadline(CompletableFuture<byte[]> answer) {
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? ApiError.TIMEOUT.exception(timeout) : failure));
    }

    /** A request stops waiting; the last one to leave a job that has not finished cancels it. */
    private void leave(String flightKey, Flight flight) {
        boolean[] abandoned = {false};
        inFlight.computeIfPresent(flightKey, (key, current) -> {
            if (current != flight || --current.waiters > 0) {
                return current;
            }
            abandoned[0] = !current.answer.isDone();
            return null;
        });
        if (abandoned[0]) {
            flight.answer.cancel(false);
        }
    }
}

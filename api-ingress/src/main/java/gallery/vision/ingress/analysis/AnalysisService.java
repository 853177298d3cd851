package gallery.vision.ingress.analysis;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
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

/**
 * From posted bytes to an answer: answers from the store when the current model has already seen the image, and
 * otherwise validates the JPEG and dispatches one job per (analysis, image) however many requests ask for it at once.
 */
@Service
public class AnalysisService {

    private final JpegDecoder decoder;
    private final StoredAnswers stored;
    private final JobDispatcher dispatcher;
    private final Duration timeout;
    private final ConcurrentMap<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

    public AnalysisService(JpegDecoder decoder, StoredAnswers stored, JobDispatcher dispatcher,
                           IngressProperties ingress) {
        this.decoder = decoder;
        this.stored = stored;
        this.dispatcher = dispatcher;
        this.timeout = ingress.requestTimeout();
    }

    /**
     * Validates synchronously (throwing {@link gallery.vision.common.ApiException} for bad input) and returns the
     * answer's JSON bytes when ready; the future fails with {@link ApiError#TIMEOUT} after {@code REQUEST_TIMEOUT}.
     */
    public CompletableFuture<byte[]> analyze(AnalysisKind kind, byte[] jpeg) {
        // A stored answer exists only for bytes that decoded before, so it is looked up before decoding: a cached
        // answer then costs a hash and one store read, not a full decode.
        String sha1 = Sha1.hex(jpeg);
        Optional<byte[]> answer = stored.find(kind, sha1);
        if (answer.isPresent()) {
            return CompletableFuture.completedFuture(answer.get());
        }
        RgbImage image = decoder.decode(jpeg);
        String flightKey = kind.path() + "/" + sha1;
        CompletableFuture<byte[]> shared = inFlight.computeIfAbsent(flightKey,
                key -> dispatcher.dispatch(new AnalysisJob(kind, sha1, jpeg, image)));
        shared.whenComplete((bytes, failure) -> inFlight.remove(flightKey, shared));
        return shared.copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(Failures.toApiException(failure, timeout)));
    }

    /** Number of distinct jobs currently awaited. */
    public int inFlight() {
        return inFlight.size();
    }
}

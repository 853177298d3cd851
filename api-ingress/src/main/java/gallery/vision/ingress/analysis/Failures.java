package gallery.vision.ingress.analysis;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns whatever ended an asynchronous job into the client-visible error. */
public final class Failures {

    private Failures() {
    }

    public static ApiException toApiException(Throwable failure, Duration timeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof TimeoutException) {
            return ApiError.TIMEOUT.exception(timeout);
        }
        return ApiError.INTERNAL.exception();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package gallery.vision.ingress.web.body;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects one request body with the Servlet API's non-blocking reads: the container calls it when bytes have
 * arrived, so no thread waits on a slow client. The buffer grows with what has arrived (a declared length is not
 * trusted), and a body passing {@code maxBytes} ends the read at once with {@link ApiError#BODY_TOO_LARGE}.
 *
 * <p>Exactly one outcome is delivered, whichever comes first: the whole body, a failure, or {@link #abandon()} (the
 * deadline). Container callbacks for one request do not overlap; {@link #abandon()} may race them and is guarded.
 */
final class BodyReadListener implements ReadListener {

    /** What becomes of the read. */
    interface Outcome {
        void body(byte[] body);

        void failed(ApiException error);

        /** The client went away or the connection broke: nobody to answer. */
        void broken(Throwable cause);
    }

    private static final int CHUNK = 16 * 1024;

    private final ServletInputStream in;
    private final long maxBytes;
    private final Outcome outcome;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(CHUNK);
    private final byte[] chunk = new byte[CHUNK];
    private final AtomicBoolean finished = new AtomicBoolean();

    BodyReadListener(ServletInputStream in, long maxBytes, Outcome outcome) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.outcome = outcome;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!finished.get() && in.isReady()) {
            int n = in.read(chunk);
            if (n == -1) {
                return;
            }
            if (body.size() + (long) n > maxBytes) {
                finish(o -> o.failed(ApiError.BODY_TOO_LARGE.exception(maxBytes)));
                return;
            }
            body.write(chunk, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        finish(o -> o.body(body.toByteArray()));
    }

    @Override
    public void onError(Throwable failure) {
        finish(o -> o.broken(failure));
    }

    /** Ends the read without a body (its deadline passed); returns whether this call ended it. */
    boolean abandon() {
        return finished.compareAndSet(false, true);
    }

    private void finish(Consumer<Outcome> action) {
        if (finished.compareAndSet(false, true)) {
            action.accept(outcome);
        }
    }
}

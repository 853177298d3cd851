package gallery.vision.worker.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Single flight for this process's analyses: while one thread computes an answer, another thread that needs the
 * same answer (a synchronous request for an image whose bulk job is running, or two bulk jobs of one image on two
 * bulk threads) waits for that computation and gets its bytes, or its exception, instead of computing it again.
 *
 * <p>Only computations that overlap are joined; one that starts after another ended is the caller's business (it
 * looks in the store first). Thread-safe.
 */
final class ComputationsInFlight {

    private final ConcurrentMap<String, CompletableFuture<byte[]>> running = new ConcurrentHashMap<>();

    /** Runs {@code computation} unless one for {@code key} is running already, in which case waits for its result. */
    byte[] computeOnce(String key, Supplier<byte[]> computation) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return await(key, other);
        }
        try {
            byte[] result = computation.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            running.remove(key, mine);
        }
    }

    /** How many computations are running now. */
    int running() {
        return running.size();
    }

    private static byte[] await(String key, CompletableFuture<byte[]> other) {
        try {
            return other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + key, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

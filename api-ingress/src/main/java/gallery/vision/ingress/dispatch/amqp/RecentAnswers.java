package gallery.vision.ingress.dispatch.amqp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers this ingress read from the bucket most recently, kept in memory up to a byte budget, so that an image
 * asked again (Home Gallery retrying, several clients, a re-index) costs no S3 read. Keys are the answers' storage
 * keys, which name the model and version, and a stored answer never changes under its key, so nothing here can go
 * stale; the least recently used answers are dropped first. Thread-safe (one lock, held only for map operations).
 */
public final class RecentAnswers {

    private final long budget;
    private final Map<String, byte[]> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** @param budget bytes of answers kept; 0 keeps none */
    public RecentAnswers(long budget) {
        this.budget = budget;
    }

    /** The answer under {@code key}: from memory, or read with {@code read} (and then remembered). */
    public Optional<byte[]> find(String key, Function<String, Optional<byte[]>> read) {
        synchronized (this) {
            byte[] known = answers.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<byte[]> found = read.apply(key);
        found.ifPresent(answer -> remember(key, answer));
        return found;
    }

    private synchronized void remember(String key, byte[] answer) {
        if (answer.length > budget || answers.containsKey(key)) {
            return;
        }
        answers.put(key, answer);
        bytes += answer.length;
        var eldest = answers.entrySet().iterator();
        while (bytes > budget && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }
}

package gallery.vision.cli.progress;

/** Shows how a run advances. Implementations are thread-safe: images finish on several threads. */
public interface Progress extends AutoCloseable {

    /** One image finished: all its answers stored, or (when {@code failed}) at least one finally failed. */
    void advance(boolean failed);

    /** Stops showing progress (the summary follows separately). */
    @Override
    void close();
}

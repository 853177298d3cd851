package gallery.vision.cli.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Progress for logs and pipes: one plain status line every few seconds. Thread-safe. */
public final class PlainProgress implements Progress {

    private final Counters counters;
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "progress");
        thread.setDaemon(true);
        return thread;
    });

    public PlainProgress(Counters counters, PrintStream out, Duration every) {
        this.counters = counters;
        this.out = out;
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void advance(boolean failed) {
        counters.advance(failed);
    }

    private void print() {
        out.println("reindex: " + counters.line(System.nanoTime()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

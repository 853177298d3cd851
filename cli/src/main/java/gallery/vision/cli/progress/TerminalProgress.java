package gallery.vision.cli.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.temporal.ChronoUnit;

/**
 * A live progress bar on the terminal (me.tongfei:progressbar): finished/total, images per second, ETA, and the
 * failures so far. Thread-safe (the bar is).
 */
public final class TerminalProgress implements Progress {

    private final Counters counters;
    private final ProgressBar bar;

    public TerminalProgress(Counters counters) {
        this.counters = counters;
        this.bar = new ProgressBarBuilder()
                .setTaskName("reindex")
                .setInitialMax(counters.total())
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" img", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                .build();
        bar.setExtraMessage(", 0 failed");
    }

    @Override
    public void advance(boolean failed) {
        counters.advance(failed);
        bar.stepTo(counters.finished());
        bar.setExtraMessage(", " + counters.failed() + " failed");
    }

    @Override
    public void close() {
        bar.close();
    }
}

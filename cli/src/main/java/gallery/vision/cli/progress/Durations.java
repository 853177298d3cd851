package gallery.vision.cli.progress;

import java.time.Duration;

/** Short human durations: {@code 42s}, {@code 4m44s}, {@code 2h05m}. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
    }
}

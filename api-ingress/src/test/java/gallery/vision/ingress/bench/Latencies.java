package gallery.vision.ingress.bench;

import java.util.Arrays;

/**
 * Wall times of one benchmark row in milliseconds, with the percentiles the table prints. Immutable.
 *
 * @param millis sorted ascending
 */
record Latencies(double[] millis) {

    static Latencies of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    double percentile(double p) {
        return millis[Math.min(millis.length - 1, (int) Math.floor(p * millis.length))];
    }

    double p50() {
        return percentile(0.5);
    }

    double max() {
        return millis[millis.length - 1];
    }

    String summary() {
        return String.format("p50 %.1f  p90 %.1f  min %.1f  max %.1f ms (n=%d)", p50(), percentile(0.9), millis[0],
                max(), millis.length);
    }
}

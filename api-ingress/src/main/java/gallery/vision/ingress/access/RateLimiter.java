package gallery.vision.ingress.access;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per access token: each holds at most one second's worth of requests ({@code perSecond}, at least
 * one) and refills continuously at {@code perSecond}. A request takes one unit or is refused with the time until
 * one is back. Buckets are fixed in number (one per accepted token), so no client can make this grow.
 * Thread-safe: each bucket is locked on its own while it is updated.
 */
final class RateLimiter {

    private static final double NANOS_PER_SECOND = 1e9;

    private final Bucket[] buckets;
    private final LongSupplier nanoClock;

    RateLimiter(double perSecond, int keys, LongSupplier nanoClock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.nanoClock = nanoClock;
        this.buckets = new Bucket[keys];
        long now = nanoClock.getAsLong();
        for (int i = 0; i < keys; i++) {
            buckets[i] = new Bucket(Math.max(1, perSecond), perSecond / NANOS_PER_SECOND, now);
        }
    }

    /** Takes one request from key {@code key}'s allowance: {@link Duration#ZERO} if allowed, else the wait. */
    Duration acquire(int key) {
        return Duration.ofNanos(buckets[key].take(nanoClock.getAsLong()));
    }

    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double available;
        private long last;

        Bucket(double capacity, double perNano, long now) {
            this.capacity = capacity;
            this.perNano = perNano;
            this.available = capacity;
            this.last = now;
        }

        /** 0 when a unit was taken, else nanoseconds until one is available. */
        synchronized long take(long now) {
            available = Math.min(capacity, available + Math.max(0, now - last) * perNano);
            last = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - available) / perNano));
        }
    }
}

package gallery.vision.common.storage;

import gallery.vision.common.ApiException;
import io.minio.MinioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Distributed mode's image expiry where the bucket does not enforce it: the ingress runs {@link S3ImageSweep} on a
 * daemon thread of its own, a pass over the bucket's images at start and every {@code IMAGE_SWEEP_INTERVAL} after,
 * each pass in bounded rounds {@link #BETWEEN_ROUNDS} apart.
 *
 * <p>Before its first pass it asks {@code needed} whether to sweep at all: that call makes sure the bucket is ready
 * (its lifecycle rule tried and read back) and answers by {@code IMAGE_EXPIRY}. When the answer is no (the bucket
 * enforces the rule, or {@code IMAGE_EXPIRY=lifecycle}) the sweeper stops for good. A failure (the S3 server down)
 * is logged without credentials and tried again after {@link #RETRY} at most. Thread-safe: all work runs on its one
 * thread.
 */
public final class S3ImageSweeper implements AutoCloseable {

    /** Pause between the rounds of one pass, so that a large bucket is swept without a burst of requests. */
    static final Duration BETWEEN_ROUNDS = Duration.ofSeconds(1);
    /** Longest wait before trying again after a failure. */
    static final Duration RETRY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(S3ImageSweeper.class);

    private final S3ImageSweep sweep;
    private final BooleanSupplier needed;
    private final Duration interval;
    private final Duration ttl;
    /** The wait after a failure: the interval, or {@link #RETRY} when that is shorter. */
    private final Duration retry;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "image-expiry");
        thread.setDaemon(true);
        return thread;
    });
    private boolean decided;
    private int deletedThisPass;

    S3ImageSweeper(S3ImageSweep sweep, BooleanSupplier needed, Duration interval, Duration ttl) {
        this.sweep = sweep;
        this.needed = needed;
        this.interval = interval;
        this.ttl = ttl;
        this.retry = interval.compareTo(RETRY) < 0 ? interval : RETRY;
    }

    /**
     * The ingress' sweeper of {@code bucket}: before its first round it makes sure the bucket is ready (which sets and
     * reads back the lifecycle rule), then sweeps if {@code IMAGE_EXPIRY} says so for what it found.
     */
    public static S3ImageSweeper of(MinioClient client, String bucket, BlobStore store, S3ImageExpiry expiry,
                                    ImageExpiryProperties images, Clock clock) {
        return new S3ImageSweeper(new S3ImageSweep(client, bucket, images.ttl(), clock), () -> {
            store.prepare();
            return images.mode().sweeps(expiry.bucketHoldsRule());
        }, images.sweepInterval(), images.ttl());
    }

    /** Starts the first pass now. */
    public S3ImageSweeper start() {
        schedule(Duration.ZERO);
        return this;
    }

    private void tick() {
        Duration next = interval;
        try {
            if (!decided) {
                if (!needed.getAsBoolean()) {
                    log.info("no image sweep of the bucket: its lifecycle rule expires stored images "
                            + "(or IMAGE_EXPIRY=lifecycle)");
                    return;
                }
                decided = true;
                log.info("sweeping stored images older than IMAGE_TTL {} from the bucket every {}", ttl, interval);
            }
            S3ImageSweep.Round round = sweep.next();
            deletedThisPass += round.deleted();
            if (!round.passFinished()) {
                next = BETWEEN_ROUNDS;
            } else {
                if (deletedThisPass > 0) {
                    log.info("deleted {} stored images older than IMAGE_TTL {} from the bucket", deletedThisPass, ttl);
                }
                deletedThisPass = 0;
            }
        } catch (ApiException | S3ImageSweep.S3SweepException e) {
            next = retry;
            log.warn("image expiry sweep of the bucket failed, trying again in {}: {}", next, e.getMessage());
        } catch (RuntimeException e) {
            next = retry;
            log.warn("image expiry sweep of the bucket failed, trying again in {}: {}", next, e.getClass().getSimpleName());
        }
        schedule(next);
    }

    private void schedule(Duration delay) {
        try {
            timer.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

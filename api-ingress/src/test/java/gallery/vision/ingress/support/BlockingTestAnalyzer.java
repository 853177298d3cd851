package gallery.vision.ingress.support;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double, never on the main classpath: holds every analysis until released, counts calls, and answers an
 * empty list. It exercises queueing, timeouts and single flight, which do not depend on what a model computes.
 */
public final class BlockingTestAnalyzer implements Analyzer {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);

    @Override
    public Object analyze(RgbImage image) {
        calls.incrementAndGet();
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test analyzer was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.of();
    }

    public int calls() {
        return calls.get();
    }

    public void release() {
        release.countDown();
    }

    /** Holds analyses again and forgets earlier calls. */
    public void reset() {
        calls.set(0);
        release = new CountDownLatch(1);
    }
}

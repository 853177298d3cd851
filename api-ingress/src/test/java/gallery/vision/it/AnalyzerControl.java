package gallery.vision.it;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the tests observe and steer in the worker contexts, whatever analyzer runs there: how many jobs each worker
 * received, how many analyses ran, and a hold that keeps the next analysis waiting (to catch a job mid-flight).
 * {@link #decorator(String)} installs it into a worker context by wrapping its analyzers and job container.
 * Thread-safe.
 */
final class AnalyzerControl {

    private final Map<String, AtomicInteger> jobsReceived = new ConcurrentHashMap<>();
    /** Per live worker, its installed analyzers, unwrapped; a worker is forgotten when its context closes. */
    private final Map<String, Map<AnalysisKind, Analyzer>> unwatched = new ConcurrentHashMap<>();
    private final AtomicInteger analyses = new AtomicInteger();
    private final AtomicInteger holdsLeft = new AtomicInteger();
    private final List<String> holding = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch release = new CountDownLatch(0);

    /** The next analysis (on any worker) waits until {@link #release()}. */
    void holdNextAnalysis() {
        release = new CountDownLatch(1);
        holdsLeft.set(1);
    }

    void release() {
        release.countDown();
    }

    /** Names of the workers whose analysis is being held. */
    List<String> holding() {
        return List.copyOf(holding);
    }

    int analyses() {
        return analyses.get();
    }

    int jobsReceived() {
        return jobsReceived.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int jobsReceivedBy(String worker) {
        return jobsReceived.computeIfAbsent(worker, name -> new AtomicInteger()).get();
    }

    /** The installed analyzer itself, not counted and never held: to compute expected answers with. */
    Analyzer unwatched(AnalysisKind kind) {
        return unwatched.values().stream()
                .map(analyzers -> analyzers.get(kind))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no live worker has an analyzer for " + kind.path()));
    }

    /** The worker's context is closing: its analyzers (and the models behind them) are about to be released. */
    void forget(String worker) {
        unwatched.remove(worker);
    }

    BeanPostProcessor decorator(String worker) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof InstalledAnalyzer installed) {
                    unwatched.computeIfAbsent(worker, w -> new ConcurrentHashMap<>()).put(installed.kind(), installed.analyzer());
                    return new InstalledAnalyzer(installed.kind(), installed.model(), watched(worker, installed.analyzer()));
                }
                if (bean instanceof SimpleMessageListenerContainer container && "jobContainer".equals(name)) {
                    container.setAfterReceivePostProcessors(message -> {
                        jobsReceived.computeIfAbsent(worker, w -> new AtomicInteger()).incrementAndGet();
                        return message;
                    });
                }
                return bean;
            }
        };
    }

    private Analyzer watched(String worker, Analyzer analyzer) {
        return (RgbImage image) -> {
            analyses.incrementAndGet();
            if (holdsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                holding.add(worker);
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    holding.remove(worker);
                }
            }
            return analyzer.analyze(image);
        };
    }
}

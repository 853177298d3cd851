package gallery.vision.worker.faces;

import ai.djl.Model;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * face-api's five networks loaded once: one ONNX Runtime session each, shared by all threads (sessions are
 * thread-safe). Predictors are created per call from these models, inside {@link #use}. Closing waits for the
 * analyses in flight (up to {@link #CLOSE_WAIT}) before it releases the sessions: a native session freed under a
 * running analysis crashes the whole process, so a worker shutting down mid-job must not do that.
 */
public final class FaceNetworks implements AutoCloseable {

    private final Model detector;
    private final Model landmarks;
    private final Model recognition;
    private final Model ageGender;
    private final Model expression;
    private final ReadWriteLock inUse = new ReentrantReadWriteLock();
    private boolean closed;

    /** Longest wait of {@link #close()} for running analyses. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private FaceNetworks(List<Model> models) {
        this.detector = models.get(0);
        this.landmarks = models.get(1);
        this.recognition = models.get(2);
        this.ageGender = models.get(3);
        this.expression = models.get(4);
    }

    /** Loads all five; if one fails, those already loaded are closed. */
    public static FaceNetworks load(FaceModelFiles files, OnnxRuntimeProperties settings) {
        List<Model> loaded = new ArrayList<>(5);
        try {
            for (var file : List.of(files.detector(), files.landmarks(), files.recognition(), files.ageGender(),
                    files.expression())) {
                loaded.add(OnnxModels.load(file, settings));
            }
            return new FaceNetworks(loaded);
        } catch (RuntimeException e) {
            loaded.forEach(Model::close);
            throw e;
        }
    }

    public Model detector() {
        return detector;
    }

    public Model landmarks() {
        return landmarks;
    }

    public Model recognition() {
        return recognition;
    }

    public Model ageGender() {
        return ageGender;
    }

    public Model expression() {
        return expression;
    }

    /**
     * Runs work that uses the sessions; any number at once. After {@link #close()} it throws instead of touching a
     * released session.
     */
    public <T> T use(Supplier<T> work) {
        inUse.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the face models are closed: the worker is shutting down");
            }
            return work.get();
        } finally {
            inUse.readLock().unlock();
        }
    }

    @Override
    public void close() {
        boolean locked = false;
        try {
            locked = inUse.writeLock().tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            // An analysis still holds the sessions: leave them to the process' exit rather than crash it.
            return;
        }
        try {
            closed = true;
            for (var model : List.of(detector, landmarks, recognition, ageGender, expression)) {
                model.close();
            }
        } finally {
            inUse.writeLock().unlock();
        }
    }
}

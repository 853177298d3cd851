package gallery.vision.worker.job;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.answer.Answer;
import gallery.vision.common.answer.Timestamps;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one analysis job to its stored answer: the worker's whole task, whatever transport brought the job.
 *
 * <p>Three ways in, so that no caller looks in the store or the registry twice: {@link #storedAnswer} only looks;
 * {@link #handle} looks and computes on a miss (a redelivered job, which a worker that died before its ack may have
 * answered already); {@link #prepare} / {@link #compute} compute without looking, for a caller that has just looked
 * itself or knows nobody can have answered yet. A computed answer is stored before it is returned, so a transport
 * may acknowledge the job once these methods return.
 *
 * <p>Two threads of this process never compute the same answer at once ({@link ComputationsInFlight}): a synchronous
 * request for an image whose bulk job is analyzing it waits for that analysis and answers its bytes. Thread-safe.
 */
public final class JobHandler {

    private static final Logger log = LoggerFactory.getLogger(JobHandler.class);

    private final AnalyzerRegistry analyzers;
    private final BlobStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final ComputationsInFlight inFlight = new ComputationsInFlight();

    public JobHandler(AnalyzerRegistry analyzers, BlobStore store, JsonMapper json, Clock clock) {
        this.analyzers = analyzers;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The stored answer for the image, if an installed model has already computed one. */
    public Optional<byte[]> storedAnswer(AnalysisKind kind, String sha1) {
        return analyzers.model(kind).flatMap(model -> store.get(StorageKeys.resultKey(kind, model, sha1)));
    }

    /** Finds the stored answer, or computes and stores it; returns its JSON bytes. */
    public byte[] handle(AnalysisKind kind, String sha1, ImageSource image) {
        InstalledAnalyzer installed = analyzers.require(kind);
        // Looked up inside the single flight: an answer that a computation stored just before is found, not redone.
        String key = StorageKeys.resultKey(kind, installed.model(), sha1);
        return inFlight.computeOnce(flightKey(kind, sha1),
                () -> store.get(key).orElseGet(() -> analyzeAndStore(installed, sha1, image)));
    }

    /** Computes and stores the answer without looking for a stored one first; returns its JSON bytes. */
    public byte[] compute(AnalysisKind kind, String sha1, ImageSource image) {
        return prepare(kind, sha1, image).get();
    }

    /**
     * Checks now that the analysis is installed (throwing the client-visible 503 if not) and returns the computation
     * to run later, on another thread: it analyzes and stores the answer without looking for a stored one first.
     */
    public Supplier<byte[]> prepare(AnalysisKind kind, String sha1, ImageSource image) {
        InstalledAnalyzer installed = analyzers.require(kind);
        return () -> compute(installed, sha1, image);
    }

    /** An answer computed but not stored yet: {@link #store} it once it has been sent. */
    public record UnstoredAnswer(String key, byte[] json) {
    }

    /**
     * Computes the answer without looking for a stored one and without storing it, for a transport that sends the
     * answer first and stores it after ({@link #store}), before it acknowledges the job: the store write is then off
     * the waiting client's path, and a crash in between only means the job runs again.
     */
    public UnstoredAnswer computeUnstored(AnalysisKind kind, String sha1, ImageSource image) {
        InstalledAnalyzer installed = analyzers.require(kind);
        byte[] json = analyze(installed, sha1, image);
        return new UnstoredAnswer(StorageKeys.resultKey(kind, installed.model(), sha1), json);
    }

    /** Stores an answer from {@link #computeUnstored}. */
    public void store(UnstoredAnswer answer) {
        store.put(answer.key(), answer.json());
    }

    private byte[] compute(InstalledAnalyzer installed, String sha1, ImageSource source) {
        return inFlight.computeOnce(flightKey(installed.kind(), sha1), () -> analyzeAndStore(installed, sha1, source));
    }

    private static String flightKey(AnalysisKind kind, String sha1) {
        return kind.path() + "/" + sha1;
    }

    private byte[] analyzeAndStore(InstalledAnalyzer installed, String sha1, ImageSource source) {
        byte[] answer = analyze(installed, sha1, source);
        store.put(StorageKeys.resultKey(installed.kind(), installed.model(), sha1), answer);
        return answer;
    }

    private byte[] analyze(InstalledAnalyzer installed, String sha1, ImageSource source) {
        AnalysisKind kind = installed.kind();
        RgbImage image = source.pixels();
        long started = System.nanoTime();
        Object data = installed.analyzer().analyze(image);
        long millis = (System.nanoTime() - started) / 1_000_000;
        byte[] answer = json.writeValueAsBytes(answer(kind, installed.model(), sha1, image, data));
        log.debug("{} {} {}x{} analyzed in {} ms, answer {} bytes", kind.path(), sha1, image.width(), image.height(),
                millis, answer.length);
        return answer;
    }

    private Answer answer(AnalysisKind kind, ModelRef model, String sha1, RgbImage image, Object data) {
        return new Answer(sha1, model.name(), model.version(),
                Timestamps.iso(clock.instant()),
                kind.reportsSize() ? image.width() : null, kind.reportsSize() ? image.height() : null, data);
    }
}

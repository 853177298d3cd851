package gallery.vision.worker.job;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.Routing;
import gallery.vision.common.answer.Answer;
import gallery.vision.common.answer.Timestamps;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Optional;

/**
 * Runs one analysis job to its stored answer: the worker's whole task, whatever transport brought the job.
 *
 * <p>An answer already stored for the same image, analysis and model version is returned as it is (a redelivered
 * job does no work twice). Otherwise the image is decoded, analyzed, and the answer stored before it is returned, so
 * a transport may acknowledge the job once this method returns. Thread-safe.
 */
public final class JobHandler {

    private static final Logger log = LoggerFactory.getLogger(JobHandler.class);

    private final AnalyzerRegistry analyzers;
    private final BlobStore store;
    private final JsonMapper json;
    private final Clock clock;

    public JobHandler(AnalyzerRegistry analyzers, BlobStore store, JsonMapper json, Clock clock) {
        this.analyzers = analyzers;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The stored answer for the image, if an installed model has already computed one. */
    public Optional<byte[]> storedAnswer(AnalysisKind kind, String sha1) {
        return analyzers.model(kind).flatMap(model -> store.get(Routing.resultKey(kind, model, sha1)));
    }

    /** Computes (or finds) and stores the answer; returns its JSON bytes. */
    public byte[] handle(AnalysisKind kind, String sha1, ImageSource source) {
        InstalledAnalyzer installed = analyzers.require(kind);
        Optional<byte[]> stored = store.get(Routing.resultKey(kind, installed.model(), sha1));
        if (stored.isPresent()) {
            return stored.get();
        }
        return compute(kind, sha1, source);
    }

    /**
     * Computes and stores the answer without looking for a stored one first: for a caller that has just looked and
     * found none (a job's first delivery, which ingress only sends after its own lookup missed). Saves a store read.
     */
    public byte[] compute(AnalysisKind kind, String sha1, ImageSource source) {
        InstalledAnalyzer installed = analyzers.require(kind);
        String key = Routing.resultKey(kind, installed.model(), sha1);
        RgbImage image = source.load();
        long started = System.nanoTime();
        Object data = installed.analyzer().analyze(image);
        long millis = (System.nanoTime() - started) / 1_000_000;
        byte[] answer = json.writeValueAsBytes(answer(kind, installed.model(), sha1, image, data));
        store.put(key, answer);
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

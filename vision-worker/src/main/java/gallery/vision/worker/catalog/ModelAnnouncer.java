package gallery.vision.worker.catalog;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells ingress which model this worker runs for each analysis, by writing the {@link gallery.vision.common.ModelRef}
 * as JSON under {@link StorageKeys#modelKey}. Ingress reads it to look up stored answers without loading any model, and
 * without a worker having to be up. The announcement is written at start-up, and retried before each job until it
 * succeeded (the store may be down when the worker starts). Workers of one deployment run the same models; during
 * a rolling upgrade the last worker to start wins, which at worst costs a few cache misses.
 *
 * <p>Thread-safe.
 */
public final class ModelAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ModelAnnouncer.class);

    private final AnalyzerRegistry analyzers;
    private final BlobStore store;
    private final JsonMapper json;
    private volatile boolean announced;

    public ModelAnnouncer(AnalyzerRegistry analyzers, BlobStore store, JsonMapper json) {
        this.analyzers = analyzers;
        this.store = store;
        this.json = json;
    }

    /** Writes the announcements unless that already succeeded; never throws. */
    public void announceIfNeeded() {
        if (announced) {
            return;
        }
        try {
            for (AnalysisKind kind : AnalysisKind.values()) {
                analyzers.model(kind).ifPresent(model -> {
                    store.put(StorageKeys.modelKey(kind), json.writeValueAsBytes(model));
                    log.info("announced {} for {}", model, kind.path());
                });
            }
            announced = true;
        } catch (ApiException e) {
            log.warn("model announcement postponed: {}", e.getMessage());
        }
    }
}

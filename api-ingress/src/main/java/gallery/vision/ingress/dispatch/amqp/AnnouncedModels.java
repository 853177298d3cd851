package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model each analysis runs on the workers, as they announced it under {@link StorageKeys#modelKey} (see the worker's
 * {@code ModelAnnouncer}): what ingress needs to find stored answers without loading a model. A model found is
 * remembered for a short while so that a cached answer costs one S3 read, not two; an absence is not remembered, so
 * the first announcement counts at once. An analysis that no worker announced has no stored answers here; its jobs
 * still go to the workers, which answer 503 if they lack the model.
 *
 * <p>Thread-safe.
 */
public final class AnnouncedModels {

    private record Entry(Optional<ModelRef> model, Instant expires) {
    }

    private final BlobStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final Map<AnalysisKind, Entry> cache = new ConcurrentHashMap<>();

    public AnnouncedModels(BlobStore store, JsonMapper json, Clock clock, Duration ttl) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The announced model, if any worker announced one. */
    public Optional<ModelRef> current(AnalysisKind kind) {
        Instant now = clock.instant();
        Entry entry = cache.get(kind);
        if (entry == null || now.isAfter(entry.expires())) {
            Optional<ModelRef> model = store.get(StorageKeys.modelKey(kind)).map(bytes -> json.readValue(bytes, ModelRef.class));
            entry = new Entry(model, now.plus(ttl));
            if (model.isEmpty()) {
                return model;
            }
            cache.put(kind, entry);
        }
        return entry.model();
    }
}

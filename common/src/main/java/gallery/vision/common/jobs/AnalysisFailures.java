package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiException;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Optional;

/**
 * The failures of analyses that asynchronous jobs asked for, in the store beside the answers
 * ({@link StorageKeys#failureKey}): written where the analysis ran (the embedded bulk lane, a worker's bulk
 * consumer), read by ingress to report a job's {@code errors}. Thread-safe.
 */
public final class AnalysisFailures {

    private final BlobStore store;
    private final JsonMapper json;
    private final Clock clock;

    public AnalysisFailures(BlobStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public void record(AnalysisKind kind, String sha1, ApiException failure) {
        store.put(StorageKeys.failureKey(kind, sha1), json.writeValueAsBytes(AnalysisFailure.of(failure, clock.instant())));
    }

    public Optional<AnalysisFailure> find(AnalysisKind kind, String sha1) {
        return store.get(StorageKeys.failureKey(kind, sha1)).map(bytes -> json.readValue(bytes, AnalysisFailure.class));
    }
}

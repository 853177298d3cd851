package gallery.vision.ingress.jobs;

import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.StorageKeys;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Job records in the store: files under {@code DATA_DIR} in embedded mode (written atomically and forced to disk),
 * objects in the bucket in distributed mode. Thread-safe, as the store is.
 */
public final class JobRecords {

    private final BlobStore store;
    private final JsonMapper json;

    public JobRecords(BlobStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    public void save(JobRecord job) {
        store.put(StorageKeys.jobKey(job.id()), json.writeValueAsBytes(job));
    }

    /** The job, or empty for an unknown (or forgotten) id, including anything that is not a job id. */
    public Optional<JobRecord> find(String id) {
        if (!StorageKeys.isJobId(id)) {
            return Optional.empty();
        }
        return store.get(StorageKeys.jobKey(id)).map(bytes -> json.readValue(bytes, JobRecord.class));
    }

    public void delete(String id) {
        store.delete(StorageKeys.jobKey(id));
    }

    /** The ids of every stored job. */
    public List<String> ids() {
        return store.keys(StorageKeys.JOBS).stream().map(StorageKeys::jobIdOf).filter(Objects::nonNull).toList();
    }
}

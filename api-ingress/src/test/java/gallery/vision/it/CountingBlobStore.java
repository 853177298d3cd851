package gallery.vision.it;

import gallery.vision.common.storage.BlobStore;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps the ingress' real store to count writes per key (the S3 API cannot tell how often a key was written). */
final class CountingBlobStore implements BlobStore {

    private final BlobStore store;
    private final Map<String, AtomicInteger> puts;

    private CountingBlobStore(BlobStore store, Map<String, AtomicInteger> puts) {
        this.store = store;
        this.puts = puts;
    }

    /** Post-processor that wraps every {@link BlobStore} bean and counts into {@code puts}. */
    static BeanPostProcessor counting(Map<String, AtomicInteger> puts) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof BlobStore store ? new CountingBlobStore(store, puts) : bean;
            }
        };
    }

    static Map<String, AtomicInteger> newCounts() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void prepare() {
        store.prepare();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        store.put(key, value);
        puts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public boolean exists(String key) {
        return store.exists(key);
    }

    @Override
    public Optional<Instant> writtenAt(String key) {
        return store.writtenAt(key);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public List<String> keys(String prefix) {
        return store.keys(prefix);
    }
}

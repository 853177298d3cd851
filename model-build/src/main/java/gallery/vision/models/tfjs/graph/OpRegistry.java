package gallery.vision.models.tfjs.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TensorFlow op name to {@link OpHandler}. Each {@link OpFamily} registers the names it handles; there is no
 * central switch (the families this module ships are listed by {@code ops.StandardOps}, inside {@code ops/}, so that
 * this package never depends on its handlers). Immutable once built, thread-safe.
 */
public final class OpRegistry {

    private final Map<String, OpHandler> handlers;
    private final Map<String, String> families;

    private OpRegistry(Map<String, OpHandler> handlers, Map<String, String> families) {
        this.handlers = Collections.unmodifiableMap(new TreeMap<>(handlers));
        this.families = Collections.unmodifiableMap(new TreeMap<>(families));
    }

    /** The handlers the given families register. */
    public static OpRegistry of(List<OpFamily> families) {
        Builder b = new Builder();
        for (OpFamily f : families) {
            b.family = f.getClass().getSimpleName();
            f.register(b);
        }
        return b.build();
    }

    /** The simple class name of the {@link OpFamily} that registered {@code op} (for the docs' op table). */
    public String family(String op) {
        return families.get(op);
    }

    public Optional<OpHandler> handler(String op) {
        return Optional.ofNullable(handlers.get(op));
    }

    /** The supported TensorFlow op names, sorted. */
    public SortedSet<String> ops() {
        return new TreeSet<>(handlers.keySet());
    }

    /** Collects registrations; an op registered twice is a programming error. Not thread-safe. */
    public static final class Builder {
        private final Map<String, OpHandler> handlers = new TreeMap<>();
        private final Map<String, String> families = new TreeMap<>();
        private String family = "";

        public Builder add(String op, OpHandler handler) {
            if (handlers.putIfAbsent(op, handler) != null) {
                throw new IllegalStateException("op registered twice: " + op);
            }
            families.put(op, family);
            return this;
        }

        public Builder add(List<String> ops, OpHandler handler) {
            ops.forEach(op -> add(op, handler));
            return this;
        }

        public OpRegistry build() {
            return new OpRegistry(handlers, families);
        }
    }
}

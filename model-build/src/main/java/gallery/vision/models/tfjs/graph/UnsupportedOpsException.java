package gallery.vision.models.tfjs.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The graph (the part between the selected inputs and outputs) uses ops without a handler. Lists all of them at
 * once, each with how many nodes use it and the first such node, so one run shows everything that is missing.
 */
public final class UnsupportedOpsException extends ConversionException {

    private final SortedMap<String, List<String>> nodesByOp;

    public UnsupportedOpsException(Map<String, List<String>> nodesByOp) {
        super(message(nodesByOp));
        this.nodesByOp = Collections.unmodifiableSortedMap(new TreeMap<>(nodesByOp));
    }

    /** Unsupported op name to the names of the nodes using it. */
    public SortedMap<String, List<String>> nodesByOp() {
        return nodesByOp;
    }

    private static String message(Map<String, List<String>> nodesByOp) {
        return nodesByOp.size() + " unsupported TensorFlow op(s): " + new TreeMap<>(nodesByOp).entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().size() + " node(s), e.g. " + e.getValue().get(0) + ")")
                .collect(Collectors.joining(", "));
    }
}

package gallery.vision.models.tfjs;

import gallery.vision.models.onnx.FloatTensor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decoded weights of one TensorFlow.js model by name (int32 weights as exact float values). Immutable, thread-safe.
 */
public final class WeightMap {

    private final Map<String, FloatTensor> weights;

    public WeightMap(Map<String, FloatTensor> weights) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public Set<String> names() {
        return weights.keySet();
    }

    /** The weight called {@code name}; fails naming the weight when it is missing. */
    public FloatTensor get(String name) {
        FloatTensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("weight not in manifest: " + name);
        }
        return t;
    }

    /** The weight called {@code name}, which must have exactly this shape. */
    public FloatTensor get(String name, long... shape) {
        FloatTensor t = get(name);
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("weight " + name + " has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return t;
    }
}

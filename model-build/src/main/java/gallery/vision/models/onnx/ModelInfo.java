package gallery.vision.models.onnx;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a written ONNX model says about where it came from.
 *
 * @param producerName    tool that wrote the model
 * @param producerVersion its version
 * @param docString       human-readable description
 * @param metadata        key/value pairs stored as {@code metadata_props}, sorted by key (e.g. source package)
 */
public record ModelInfo(String producerName, String producerVersion, String docString, Map<String, String> metadata) {

    public ModelInfo {
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata)); // sorted: byte-identical output
    }
}

package gallery.vision.models.tfjs;

import gallery.vision.models.onnx.FloatTensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a TensorFlow.js weights manifest and its binary shards (same directory) into a {@link WeightMap}.
 * Stateless, thread-safe.
 */
public final class WeightsReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WeightsReader() {
    }

    public static WeightMap read(Path manifest) throws IOException {
        List<WeightsGroup> groups = JSON.readValue(manifest.toFile(), new TypeReference<List<WeightsGroup>>() { });
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        for (WeightsGroup group : groups) {
            ByteBuffer data = ByteBuffer.wrap(concat(manifest.getParent(), group.paths())).order(ByteOrder.LITTLE_ENDIAN);
            for (WeightSpec spec : group.weights()) {
                WeightDecoder decoder = WeightDecoders.forSpec(spec);
                long need = (long) spec.elementCount() * decoder.bytesPerElement();
                if (data.remaining() < need) {
                    throw new IOException(manifest.getFileName() + ": weight " + spec.name() + " needs " + need
                            + " bytes, only " + data.remaining() + " left in " + group.paths());
                }
                weights.put(spec.name(), new FloatTensor(spec.shapeArray(), decoder.decode(data, spec)));
            }
            if (data.hasRemaining()) {
                throw new IOException(manifest.getFileName() + ": " + data.remaining() + " bytes left over in "
                        + group.paths());
            }
        }
        return new WeightMap(weights);
    }

    private static byte[] concat(Path dir, List<String> paths) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : paths) {
            out.write(Files.readAllBytes(dir.resolve(p)));
        }
        return out.toByteArray();
    }
}

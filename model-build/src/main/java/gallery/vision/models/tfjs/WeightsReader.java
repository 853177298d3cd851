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
        Path dir = manifest.getParent();
        return read(groups, path -> Files.readAllBytes(dir.resolve(path)), manifest.getFileName().toString());
    }

    /**
     * Reads the weights of already parsed manifest groups (e.g. the {@code weightsManifest} of a graph model's
     * {@code model.json}), their shards supplied by {@code shards}; {@code source} names the model in errors.
     */
    public static WeightMap read(List<WeightsGroup> groups, ShardSource shards, String source) throws IOException {
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        for (WeightsGroup group : groups) {
            ByteBuffer data = ByteBuffer.wrap(concat(shards, group.paths())).order(ByteOrder.LITTLE_ENDIAN);
            for (WeightSpec spec : group.weights()) {
                WeightDecoder decoder = WeightDecoders.forSpec(spec);
                long need = (long) spec.elementCount() * decoder.bytesPerElement();
                if (data.remaining() < need) {
                    throw new IOException(source + ": weight " + spec.name() + " needs " + need
                            + " bytes, only " + data.remaining() + " left in " + group.paths());
                }
                weights.put(spec.name(), new FloatTensor(spec.shapeArray(), decoder.decode(data, spec)));
            }
            if (data.hasRemaining()) {
                throw new IOException(source + ": " + data.remaining() + " bytes left over in " + group.paths());
            }
        }
        return new WeightMap(weights);
    }

    /** Supplies the bytes of one weight shard by its manifest path. */
    @FunctionalInterface
    public interface ShardSource {
        byte[] read(String path) throws IOException;
    }

    private static byte[] concat(ShardSource shards, List<String> paths) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : paths) {
            out.write(shards.read(p));
        }
        return out.toByteArray();
    }
}

package gallery.vision.models.tfjs;

import java.util.List;

/**
 * One entry of a TensorFlow.js weights manifest ({@code *-weights_manifest.json}).
 *
 * @param name         weight name, e.g. {@code dense0/conv0/filters}
 * @param shape        dimensions
 * @param dtype        logical type after decoding: {@code float32} or {@code int32}
 * @param quantization how it is stored, or null when stored as {@code dtype} itself
 */
public record WeightSpec(String name, List<Long> shape, String dtype, Quantization quantization) {

    /**
     * TensorFlow.js weight quantization: stored as {@code dtype} ({@code uint8}, {@code uint16} or {@code float16});
     * integer codes decode as {@code code * scale + min}.
     */
    public record Quantization(String dtype, Double scale, Double min) {
    }

    public long[] shapeArray() {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }

    public int elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** The stored type: the quantization dtype, or {@link #dtype()} when not quantized. */
    public String storedDtype() {
        return quantization == null ? dtype : quantization.dtype();
    }
}

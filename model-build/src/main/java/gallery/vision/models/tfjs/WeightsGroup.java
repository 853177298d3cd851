package gallery.vision.models.tfjs;

import java.util.List;

/**
 * One group of a TensorFlow.js weights manifest: its weights are stored back to back, in this order, in the
 * concatenation of the binary files listed in {@code paths}.
 */
public record WeightsGroup(List<String> paths, List<WeightSpec> weights) {
}

package gallery.vision.worker.embeddings;

import gallery.vision.worker.image.PixelScaling;

/**
 * One network used as an image embedder: the image stretched to a square input, scaled to the network's value range,
 * run up to a non-negative feature map (a ReLU/ReLU6 output), averaged over positions.
 *
 * @param name       manifest name of the ONNX file (the graph cut at {@code outputName}), the answer's {@code model}
 * @param inputName  graph input
 * @param inputSize  square input side
 * @param scaling    pixel value range the network expects
 * @param outputName the feature tensor (NHWC, pooled or not)
 */
public record EmbeddingModel(String name, String inputName, int inputSize, PixelScaling scaling, String outputName) {

    /** Manifest name of {@link #NSFW_MOBILENET_V2}'s ONNX file. */
    public static final String NSFW_MOBILENET_V2_NAME = "nsfw-mobilenet-v2-features";

    /**
     * nsfwjs' MobileNet v2 (width 1.4) backbone: the global average pool before its classifier, squeezed
     * ({@code feature_vector/SpatialSqueeze}, 1792 values), input 224, values 0..1.
     */
    public static final EmbeddingModel NSFW_MOBILENET_V2 = new EmbeddingModel(NSFW_MOBILENET_V2_NAME, "input",
            224, PixelScaling.UNIT, "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/"
                    + "StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze");
}

package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.tfjs.WeightMap;

/**
 * One of face-api's networks, rebuilt as an ONNX graph from its TensorFlow.js weights. Each implementation mirrors
 * the {@code forwardInput} of the matching face-api class: the graph input is the batch tensor face-api builds
 * ({@code NetInput.toBatchTensor}, float32 NHWC 0..255), the network's own normalisation is part of the graph.
 * Implementations are stateless and thread-safe.
 */
public interface FaceApiNetwork {

    /** Model name in our manifest, e.g. {@code face-detector}. */
    String modelName();

    /** Path of the ONNX file relative to the model directory, e.g. {@code faces/face-detector.onnx}. */
    default String file() {
        return "faces/" + modelName() + ".onnx";
    }

    /** face-api's weights manifest in {@code package/model/}. */
    String weightsManifest();

    /** face-api class the graph reproduces (for the model's doc string). */
    String sourceClass();

    /** Adds inputs, nodes and named outputs to {@code g}. */
    void define(GraphBuilder g, WeightMap weights);
}

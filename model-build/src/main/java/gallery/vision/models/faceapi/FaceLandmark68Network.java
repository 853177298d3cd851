package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * face-api's {@code FaceLandmark68Net} up to its fully-connected output ({@code runNet}): dense feature extractor,
 * then {@code fc [256 -> 136]}. Input {@code input [N,112,112,3]}; output {@code landmarks [N,136]} = x0, y0, x1,
 * y1, ... relative to the 112x112 input (face-api's {@code postProcess} shift/scale is the caller's job).
 */
public final class FaceLandmark68Network implements FaceApiNetwork {

    @Override
    public String modelName() {
        return "face-landmarks";
    }

    @Override
    public String weightsManifest() {
        return "face_landmark_68_model-weights_manifest.json";
    }

    @Override
    public String sourceClass() {
        return "FaceLandmark68Net";
    }

    @Override
    public void define(GraphBuilder g, WeightMap w) {
        TfOps ops = new TfOps(g);
        int size = DenseFeatureExtractor.INPUT_SIZE;
        Value input = g.input("input", Value.DYNAMIC, size, size, 3);
        Value features = ops.flattenNhwc(DenseFeatureExtractor.features(ops, new TfConvolutions(g), w, input));
        g.output("landmarks", ops.dense(features, w.get("fc/weights", 256, 136), w.get("fc/bias", 136)));
    }
}

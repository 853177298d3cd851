package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * face-api's {@code FaceExpressionNet}: dense feature extractor, {@code fc [256 -> 7]}, softmax. Input
 * {@code input [N,112,112,3]}; output {@code expressions [N,7]} in face-api's order: neutral, happy, sad, angry,
 * fearful, disgusted, surprised.
 */
public final class FaceExpressionNetwork implements FaceApiNetwork {

    @Override
    public String modelName() {
        return "face-expression";
    }

    @Override
    public String weightsManifest() {
        return "face_expression_model-weights_manifest.json";
    }

    @Override
    public String sourceClass() {
        return "FaceExpressionNet";
    }

    @Override
    public void define(GraphBuilder g, WeightMap w) {
        TfOps ops = new TfOps(g);
        int size = DenseFeatureExtractor.INPUT_SIZE;
        Value input = g.input("input", Value.DYNAMIC, size, size, 3);
        Value features = ops.flattenNhwc(DenseFeatureExtractor.features(ops, new TfConvolutions(g), w, input));
        g.output("expressions", ops.softmax(ops.dense(features, w.get("fc/weights", 256, 7), w.get("fc/bias", 7))));
    }
}

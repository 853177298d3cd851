package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * face-api's {@code AgeGenderNet} ({@code forwardInput}): TinyXception with 2 main blocks, 7x7 stride-2 VALID
 * average pool, then {@code fc/age [512 -> 1]} and {@code fc/gender [512 -> 2]} + softmax. Input
 * {@code input [N,112,112,3]}; outputs {@code age [N]} (years) and {@code gender [N,2]} (male, female).
 */
public final class AgeGenderNetwork implements FaceApiNetwork {

    private static final int MAIN_BLOCKS = 2;

    @Override
    public String modelName() {
        return "face-age-gender";
    }

    @Override
    public String weightsManifest() {
        return "age_gender_model-weights_manifest.json";
    }

    @Override
    public String sourceClass() {
        return "AgeGenderNet";
    }

    @Override
    public void define(GraphBuilder g, WeightMap w) {
        TfOps ops = new TfOps(g);
        TfConvolutions conv = new TfConvolutions(g);
        int size = TinyXception.INPUT_SIZE;
        Value input = g.input("input", Value.DYNAMIC, size, size, 3);
        Value features = TinyXception.features(ops, conv, w, input, MAIN_BLOCKS);
        Value pooled = ops.flattenNhwc(conv.avgPool(features, 7, 2, Padding.VALID));
        Value age = ops.dense(pooled, w.get("fc/age/weights", 512, 1), w.get("fc/age/bias", 1));
        g.output("age", ops.reshape(age, new long[] {Value.DYNAMIC}, -1));
        g.output("gender", ops.softmax(ops.dense(pooled, w.get("fc/gender/weights", 512, 2),
                w.get("fc/gender/bias", 2))));
    }
}

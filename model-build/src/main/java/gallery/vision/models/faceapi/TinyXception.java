package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * face-api's {@code TinyXception} backbone of the age/gender net: mean-RGB normalisation, entry flow (stride-2
 * conv, two reduction blocks), {@code mainBlocks} residual main blocks, exit flow (reduction block, separable conv,
 * relu): {@code [N,112,112,3]} to {@code [N,512,7,7]} (NCHW). Stateless, thread-safe.
 */
final class TinyXception {

    static final int INPUT_SIZE = 112;

    private TinyXception() {
    }

    static Value features(TfOps ops, TfConvolutions conv, WeightMap w, Value nhwcInput, int mainBlocks) {
        Value x = FaceApiNormalization.meanRgbOver255(ops, nhwcInput);
        x = ops.relu(plainConv(conv, w, "entry_flow/conv_in", x, 2));
        x = reductionBlock(ops, conv, w, "entry_flow/reduction_block_0", x, false);
        x = reductionBlock(ops, conv, w, "entry_flow/reduction_block_1", x, true);
        for (int i = 0; i < mainBlocks; i++) {
            x = mainBlock(ops, conv, w, "middle_flow/main_block_" + i, x);
        }
        x = reductionBlock(ops, conv, w, "exit_flow/reduction_block", x, true);
        return ops.relu(DenseFeatureExtractor.separable(conv, w, "exit_flow/separable_conv", x, 1));
    }

    /** Two separable convs, 3x3 stride-2 SAME max pool, plus a stride-2 1x1 expansion conv of the block input. */
    private static Value reductionBlock(TfOps ops, TfConvolutions conv, WeightMap w, String prefix, Value x,
            boolean activateInput) {
        Value out = activateInput ? ops.relu(x) : x;
        out = DenseFeatureExtractor.separable(conv, w, prefix + "/separable_conv0", out, 1);
        out = DenseFeatureExtractor.separable(conv, w, prefix + "/separable_conv1", ops.relu(out), 1);
        out = conv.maxPool(out, 3, 2, Padding.SAME);
        return ops.add(out, plainConv(conv, w, prefix + "/expansion_conv", x, 2));
    }

    /** Three relu + separable conv steps, plus the block input. */
    private static Value mainBlock(TfOps ops, TfConvolutions conv, WeightMap w, String prefix, Value x) {
        Value out = DenseFeatureExtractor.separable(conv, w, prefix + "/separable_conv0", ops.relu(x), 1);
        out = DenseFeatureExtractor.separable(conv, w, prefix + "/separable_conv1", ops.relu(out), 1);
        out = DenseFeatureExtractor.separable(conv, w, prefix + "/separable_conv2", ops.relu(out), 1);
        return ops.add(out, x);
    }

    private static Value plainConv(TfConvolutions conv, WeightMap w, String prefix, Value x, int stride) {
        return conv.conv2d(x, w.get(prefix + "/filters"), w.get(prefix + "/bias"), stride, Padding.SAME);
    }
}

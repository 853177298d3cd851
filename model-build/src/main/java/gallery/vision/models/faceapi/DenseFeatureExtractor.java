package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * face-api's {@code FaceFeatureExtractor}, shared by the landmark and expression nets: mean-RGB normalisation, four
 * dense blocks of depthwise-separable convolutions ({@code denseBlock4}, each halving the resolution: 112 -> 7),
 * then a 7x7 stride-2 VALID average pool to {@code [N, 256, 1, 1]}. Stateless, thread-safe.
 */
final class DenseFeatureExtractor {

    static final int INPUT_SIZE = 112;

    private DenseFeatureExtractor() {
    }

    /** {@code nhwcInput [N,112,112,3]} to bottleneck features {@code [N,256,1,1]} (NCHW). */
    static Value features(TfOps ops, TfConvolutions conv, WeightMap w, Value nhwcInput) {
        Value x = FaceApiNormalization.meanRgbOver255(ops, nhwcInput);
        x = denseBlock4(ops, conv, w, "dense0", x, true);
        x = denseBlock4(ops, conv, w, "dense1", x, false);
        x = denseBlock4(ops, conv, w, "dense2", x, false);
        x = denseBlock4(ops, conv, w, "dense3", x, false);
        return conv.avgPool(x, 7, 2, Padding.VALID);
    }

    /**
     * {@code out1 = relu(conv0(x))} (stride 2; a plain conv in the first block, separable otherwise), then three
     * separable convs each fed with the relu of the sum of all previous outputs; returns relu of the sum of all four.
     */
    private static Value denseBlock4(TfOps ops, TfConvolutions conv, WeightMap w, String prefix, Value x,
            boolean firstLayer) {
        Value conv0 = firstLayer
                ? conv.conv2d(x, w.get(prefix + "/conv0/filters"), w.get(prefix + "/conv0/bias"), 2, Padding.SAME)
                : separable(conv, w, prefix + "/conv0", x, 2);
        Value out1 = ops.relu(conv0);
        Value out2 = separable(conv, w, prefix + "/conv1", out1, 1);
        Value out3 = separable(conv, w, prefix + "/conv2", ops.relu(ops.add(out1, out2)), 1);
        Value out4 = separable(conv, w, prefix + "/conv3", ops.relu(ops.add(out1, ops.add(out2, out3))), 1);
        return ops.relu(ops.add(out1, ops.add(out2, ops.add(out3, out4))));
    }

    /** face-api's depthwiseSeparableConv: separableConv2d SAME + bias. */
    static Value separable(TfConvolutions conv, WeightMap w, String prefix, Value x, int stride) {
        return conv.separableConv2d(x, w.get(prefix + "/depthwise_filter"), w.get(prefix + "/pointwise_filter"),
                w.get(prefix + "/bias"), stride, Padding.SAME);
    }
}

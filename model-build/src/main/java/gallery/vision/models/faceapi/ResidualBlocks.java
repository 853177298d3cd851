package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * The residual layers of face-api's FaceRecognitionNet ({@code residualLayer.ts}). Not thread-safe (wraps one graph).
 */
final class ResidualBlocks {

    private final TfOps ops;
    private final TfConvolutions conv;
    private final WeightMap w;

    ResidualBlocks(TfOps ops, TfConvolutions conv, WeightMap w) {
        this.ops = ops;
        this.conv = conv;
        this.w = w;
    }

    /** relu(conv2(relu(conv1(x))) + x), both 3x3 stride 1 SAME. */
    Value residual(String prefix, Value x) {
        Value out = ops.relu(FaceRecognitionNetwork.scaledConv(conv, w, prefix + "/conv1", x, 1, Padding.SAME));
        out = FaceRecognitionNetwork.scaledConv(conv, w, prefix + "/conv2", out, 1, Padding.SAME);
        return ops.relu(ops.add(out, x));
    }

    /**
     * The down-sampling variant: conv1 is 3x3 stride 2 VALID; the shortcut is a 2x2 stride-2 average pool of x,
     * zero-padded in channels when the block widens; when the pooled map is one larger than the conv output (odd
     * sizes), the conv output gets a zero row and column appended, as face-api does.
     */
    Value residualDown(String prefix, Value x) {
        Value out = ops.relu(FaceRecognitionNetwork.scaledConv(conv, w, prefix + "/conv1", x, 2, Padding.VALID));
        out = FaceRecognitionNetwork.scaledConv(conv, w, prefix + "/conv2", out, 1, Padding.SAME);
        Value pooled = conv.avgPool(x, 2, 2, Padding.VALID);
        if (pooled.dim(2) != out.dim(2) || pooled.dim(3) != out.dim(3)) {
            out = ops.pad(out, 0, 0, 0, 0, 0, 0, pooled.dim(2) - out.dim(2), pooled.dim(3) - out.dim(3));
        }
        if (pooled.dim(1) != out.dim(1)) {
            pooled = ops.pad(pooled, 0, 0, 0, 0, 0, out.dim(1) - pooled.dim(1), 0, 0);
        }
        return ops.relu(ops.add(pooled, out));
    }
}

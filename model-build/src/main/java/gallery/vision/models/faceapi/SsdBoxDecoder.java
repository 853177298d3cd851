package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.TfOps;
import java.util.List;

/**
 * face-api's SSD output layer box decoding ({@code decodeBoxesLayer}) as graph nodes. Anchors ({@code extra_dim},
 * ymin/xmin/ymax/xmax) become constant sizes and centres, computed in float32 as face-api does; the encodings
 * (ty, tx, th, tw) decode to {@code centre + t/10 * size +- exp(t/5) * size / 2}.
 * Stateless, thread-safe.
 */
final class SsdBoxDecoder {

    private SsdBoxDecoder() {
    }

    /** {@code encodings [N, B, 4]} to boxes {@code [N, B, 4]} (ymin, xmin, ymax, xmax). */
    static Value decode(TfOps ops, Value encodings, FloatTensor anchors) {
        int b = anchors.dim(1);
        float[] a = anchors.data();
        float[] h = new float[b], w = new float[b], cy = new float[b], cx = new float[b];
        for (int i = 0; i < b; i++) {
            h[i] = a[4 * i + 2] - a[4 * i];
            w[i] = a[4 * i + 3] - a[4 * i + 1];
            cy[i] = a[4 * i] + h[i] / 2f;
            cx[i] = a[4 * i + 1] + w[i] / 2f;
        }
        List<Value> t = ops.split(encodings, 2, 4);
        Value[] yExtent = decodeAxis(ops, t.get(0), t.get(2), anchorConst(ops, "anchor_h", h),
                anchorConst(ops, "anchor_cy", cy));
        Value[] xExtent = decodeAxis(ops, t.get(1), t.get(3), anchorConst(ops, "anchor_w", w),
                anchorConst(ops, "anchor_cx", cx));
        return ops.concat(List.of(yExtent[0], xExtent[0], yExtent[1], xExtent[1]), 2);
    }

    /** Returns {min, max} along one axis. */
    private static Value[] decodeAxis(TfOps ops, Value tCentre, Value tSize, Value size, Value centre) {
        Value halfExtent = ops.div(ops.mul(ops.exp(ops.div(tSize, ops.scalar(5f))), size), ops.scalar(2f));
        Value mid = ops.add(ops.mul(ops.div(tCentre, ops.scalar(10f)), size), centre);
        return new Value[] {ops.sub(mid, halfExtent), ops.add(mid, halfExtent)};
    }

    private static Value anchorConst(TfOps ops, String name, float[] values) {
        return ops.constant(name, FloatTensor.of(values, 1, values.length, 1));
    }
}

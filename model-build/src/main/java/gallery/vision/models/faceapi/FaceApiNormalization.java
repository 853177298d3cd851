package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.TfOps;

/**
 * The input normalisation the per-face networks apply in {@code forwardInput}: subtract face-api's mean RGB
 * ({@code normalize(x, [122.782, 117.001, 104.298])}), divide by 255, then switch to NCHW for the convolutions.
 * Stateless, thread-safe.
 */
final class FaceApiNormalization {

    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private FaceApiNormalization() {
    }

    static Value meanRgbOver255(TfOps ops, Value nhwcInput) {
        Value centered = ops.sub(nhwcInput, ops.constant("mean_rgb", FloatTensor.of(MEAN_RGB.clone(), 3)));
        return ops.nhwcToNchw(ops.div(centered, ops.scalar(255f)));
    }
}

package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Filters;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;
import java.util.ArrayList;
import java.util.List;

/**
 * face-api's {@code SsdMobilenetv1}: input normalised to -1..1, MobileNet v1 (13 depthwise-separable pairs, batch
 * norm folded into the depthwise convolutions, relu6), the SSD prediction layer (8 extra convolutions, 6 box
 * predictors on 32x32, 16x16, 8x8, 4x4, 2x2, 1x1 maps with 3/6/6/6/6/6 anchors = 5118 boxes) and face-api's
 * output layer (anchor box decoding, sigmoid of the face class) in-graph.
 * <p>Input {@code input [1,512,512,3]}; outputs {@code boxes [1,5118,4]} (ymin, xmin, ymax, xmax relative, not
 * clipped) and {@code scores [1,5118]}.
 */
public final class SsdMobilenetV1Detector implements FaceApiNetwork {

    static final int INPUT_SIZE = 512;
    static final int NUM_BOXES = 5118;
    /** face-api's batch norm epsilon (a float32 0.001). */
    private static final double BN_EPSILON = 0.0010000000474974513;
    private static final int[] STRIDE_2_LAYERS = {2, 4, 6, 12};

    @Override
    public String modelName() {
        return "face-detector";
    }

    @Override
    public String weightsManifest() {
        return "ssd_mobilenetv1_model-weights_manifest.json";
    }

    @Override
    public String sourceClass() {
        return "SsdMobilenetv1";
    }

    @Override
    public void define(GraphBuilder g, WeightMap w) {
        TfOps ops = new TfOps(g);
        TfConvolutions conv = new TfConvolutions(g);
        Value input = g.input("input", 1, INPUT_SIZE, INPUT_SIZE, 3);
        Value x = ops.nhwcToNchw(ops.sub(ops.div(input, ops.scalar(127.5f)), ops.scalar(1f)));

        x = pointwise(ops, conv, w, "MobilenetV1/Conv2d_0_pointwise", x, 2);
        Value conv11 = null;
        for (int layer = 1; layer <= 13; layer++) {
            x = depthwise(ops, conv, w, "MobilenetV1/Conv2d_" + layer + "_depthwise", x, strideOf(layer));
            x = pointwise(ops, conv, w, "MobilenetV1/Conv2d_" + layer + "_pointwise", x, 1);
            if (layer == 11) {
                conv11 = x;
            }
        }
        List<Value> featureMaps = new ArrayList<>(List.of(conv11, x));
        Value p = x;
        for (int i = 0; i < 8; i++) {
            p = pointwise(ops, conv, w, "Prediction/Conv2d_" + i + "_pointwise", p, i % 2 == 1 ? 2 : 1);
            if (i % 2 == 1) {
                featureMaps.add(p);
            }
        }
        List<Value> boxEncodings = new ArrayList<>();
        List<Value> classLogits = new ArrayList<>();
        for (int i = 0; i < featureMaps.size(); i++) {
            String prefix = "Prediction/BoxPredictor_" + i;
            boxEncodings.add(predictor(ops, conv, w, prefix + "/BoxEncodingPredictor", featureMaps.get(i), 4));
            classLogits.add(predictor(ops, conv, w, prefix + "/ClassPredictor", featureMaps.get(i), 3));
        }
        Value encodings = ops.concat(boxEncodings, 1);
        Value logits = ops.concat(classLogits, 1);
        if (encodings.dim(1) != NUM_BOXES) {
            throw new IllegalStateException("expected " + NUM_BOXES + " boxes, graph has " + encodings.dim(1));
        }
        g.output("boxes", SsdBoxDecoder.decode(ops, encodings, w.get("Output/extra_dim", 1, NUM_BOXES, 4)));
        g.output("scores", ops.sigmoid(ops.gather(logits, 2, 1)));
    }

    private static int strideOf(int layer) {
        for (int s : STRIDE_2_LAYERS) {
            if (s == layer) {
                return 2;
            }
        }
        return 1;
    }

    /** face-api's pointwiseConvLayer: conv2d SAME + batch norm offset, relu6 (any kernel size). */
    private static Value pointwise(TfOps ops, TfConvolutions conv, WeightMap w, String prefix, Value x, int stride) {
        FloatTensor filters = w.get(prefix + "/weights");
        Value out = conv.conv2d(x, filters, w.get(prefix + "/convolution_bn_offset"), stride, Padding.SAME);
        return ops.relu6(out);
    }

    /** depthwiseConv2d SAME, batch norm (folded), relu6. */
    private static Value depthwise(TfOps ops, TfConvolutions conv, WeightMap w, String prefix, Value x, int stride) {
        FloatTensor filter = Filters.depthwiseToOihw(w.get(prefix + "/depthwise_weights"));
        double[][] bn = Filters.batchNormScaleShift(
                w.get(prefix + "/BatchNorm/gamma").data(), w.get(prefix + "/BatchNorm/beta").data(),
                w.get(prefix + "/BatchNorm/moving_mean").data(), w.get(prefix + "/BatchNorm/moving_variance").data(),
                BN_EPSILON);
        Filters.Folded f = Filters.foldAffine(filter, null, bn[0], bn[1]);
        return ops.relu6(conv.conv(x, f.weight(), f.bias(), stride, Padding.SAME, filter.dim(0)));
    }

    /** 1x1 conv + bias, then NHWC order reshaped to [N, H*W*anchors, values] as face-api's boxPredictionLayer. */
    private static Value predictor(TfOps ops, TfConvolutions conv, WeightMap w, String prefix, Value x, int values) {
        Value out = ops.nchwToNhwc(conv.conv2d(x, w.get(prefix + "/weights"), w.get(prefix + "/biases"), 1,
                Padding.SAME));
        long n = out.dim(1) * out.dim(2) * out.dim(3) / values;
        return ops.reshape(out, new long[] {out.dim(0), n, values}, 0, -1, values);
    }
}

package gallery.vision.models.faceapi;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tf.Filters;
import gallery.vision.models.tf.Padding;
import gallery.vision.models.tf.TfConvolutions;
import gallery.vision.models.tf.TfOps;
import gallery.vision.models.tfjs.WeightMap;

/**
 * face-api's {@code FaceRecognitionNet} (a dlib-style ResNet-34): mean-RGB normalisation, 7x7 stride-2 VALID conv,
 * 3x3 stride-2 VALID max pool, residual stages of 32/64/128/256 channels (each conv followed by a scale layer,
 * folded into the conv), spatial mean, {@code fc [256 -> 128]} without bias. Input {@code input [N,150,150,3]};
 * output {@code descriptor [N,128]}.
 */
public final class FaceRecognitionNetwork implements FaceApiNetwork {

    static final int INPUT_SIZE = 150;

    @Override
    public String modelName() {
        return "face-recognition";
    }

    @Override
    public String weightsManifest() {
        return "face_recognition_model-weights_manifest.json";
    }

    @Override
    public String sourceClass() {
        return "FaceRecognitionNet";
    }

    @Override
    public void define(GraphBuilder g, WeightMap w) {
        TfOps ops = new TfOps(g);
        TfConvolutions conv = new TfConvolutions(g);
        Value input = g.input("input", Value.DYNAMIC, INPUT_SIZE, INPUT_SIZE, 3);
        Value x = FaceApiNormalization.meanRgbOver255(ops, input);
        x = ops.relu(scaledConv(conv, w, "conv32_down", x, 2, Padding.VALID));
        x = conv.maxPool(x, 3, 2, Padding.VALID);
        ResidualBlocks blocks = new ResidualBlocks(ops, conv, w);
        x = blocks.residual("conv32_1", x);
        x = blocks.residual("conv32_2", x);
        x = blocks.residual("conv32_3", x);
        x = blocks.residualDown("conv64_down", x);
        x = blocks.residual("conv64_1", x);
        x = blocks.residual("conv64_2", x);
        x = blocks.residual("conv64_3", x);
        x = blocks.residualDown("conv128_down", x);
        x = blocks.residual("conv128_1", x);
        x = blocks.residual("conv128_2", x);
        x = blocks.residualDown("conv256_down", x);
        x = blocks.residual("conv256_1", x);
        x = blocks.residual("conv256_2", x);
        x = blocks.residualDown("conv256_down_out", x);
        g.output("descriptor", ops.dense(ops.spatialMean(x), w.get("fc", 256, 128), null));
    }

    /** conv + bias, then the scale layer {@code x * weights + biases}, folded into one convolution. */
    static Value scaledConv(TfConvolutions conv, WeightMap w, String prefix, Value x, int stride, Padding padding) {
        FloatTensor filters = Filters.hwioToOihw(w.get(prefix + "/conv/filters"));
        float[] scale = w.get(prefix + "/scale/weights").data();
        float[] shift = w.get(prefix + "/scale/biases").data();
        Filters.Folded f = Filters.foldAffine(filters, w.get(prefix + "/conv/bias").data(), toDouble(scale),
                toDouble(shift));
        return conv.conv(x, f.weight(), f.bias(), stride, padding, 1);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}

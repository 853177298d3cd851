package gallery.vision.models.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import gallery.vision.models.onnx.FloatTensor;
import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void hwioToOihwMovesEachWeightToItsOnnxPosition() {
        // [kh=1, kw=2, in=2, out=3]: value encodes (w, i, o) as 100w + 10i + o
        float[] hwio = new float[12];
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < 2; i++) {
                for (int o = 0; o < 3; o++) {
                    hwio[(w * 2 + i) * 3 + o] = 100 * w + 10 * i + o;
                }
            }
        }
        FloatTensor oihw = Filters.hwioToOihw(FloatTensor.of(hwio, 1, 2, 2, 3));

        assertThat(oihw.shape()).containsExactly(3, 2, 1, 2);
        assertThat(oihw.data()[((2 * 2 + 1) * 1 + 0) * 2 + 1]).isEqualTo(112f); // o=2, i=1, h=0, w=1
    }

    @Test
    void batchNormFoldedIntoTheConvolutionGivesTheSameOutput() {
        float[] weights = {0.5f, -1.25f}; // one input channel, two outputs, 1x1
        FloatTensor oihw = FloatTensor.of(weights, 2, 1, 1, 1);
        float[] gamma = {1.5f, 0.25f}, beta = {0.1f, -0.3f}, mean = {0.2f, -0.4f}, variance = {0.9f, 2.0f};
        double[][] bn = Filters.batchNormScaleShift(gamma, beta, mean, variance, 1e-3);

        Filters.Folded folded = Filters.foldAffine(oihw, null, bn[0], bn[1]);

        float x = 3.7f;
        for (int o = 0; o < 2; o++) {
            double unfolded = (weights[o] * x - mean[o]) / Math.sqrt(variance[o] + 1e-3) * gamma[o] + beta[o];
            double viaFold = folded.weight().data()[o] * x + folded.bias().data()[o];
            assertThat(viaFold).isCloseTo(unfolded, offset(1e-5));
        }
    }
}

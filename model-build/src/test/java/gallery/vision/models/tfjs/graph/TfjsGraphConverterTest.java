package gallery.vision.models.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gallery.vision.models.onnx.FloatTensor;
import gallery.vision.models.testing.OnnxRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsGraphConverterTest {

    @TempDir
    Path dir;

    @Test
    void failsNamingEveryUnsupportedOpAtOnce() {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 4)
                .node("a", "Erf", "{}", "x")
                .node("b", "Cumsum", "{}", "a")
                .node("c", "Erf", "{}", "b")
                .node("d", "Relu", "{}", "c");

        assertThatThrownBy(() -> g.convert(ConversionSpec.whole(), dir))
                .isInstanceOf(UnsupportedOpsException.class)
                .hasMessageContaining("2 unsupported TensorFlow op(s)")
                .hasMessageContaining("Cumsum (1 node(s), e.g. b)")
                .hasMessageContaining("Erf (2 node(s), e.g. a)")
                .satisfies(e -> assertThat(((UnsupportedOpsException) e).nodesByOp())
                        .containsOnlyKeys("Cumsum", "Erf"));
    }

    @Test
    void convertsOnlyTheSelectedCutSoOpsOutsideItDoNotMatter() throws Exception {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 4)
                .node("pre", "Erf", "{}", "x")
                .node("inner", "Relu", "{}", "pre")
                .node("post", "Cumsum", "{}", "inner");
        Path onnx = g.convert(new ConversionSpec(List.of(new ConversionSpec.Input("pre", new long[] {1, 4})),
                List.of("inner")), dir);

        try (OnnxRunner m = new OnnxRunner(onnx)) {
            Map<String, OnnxRunner.Output> out = m.run("pre", new float[] {-1, 2, -3, 4}, 1, 4);
            assertThat(out.get("inner").values()).containsExactly(0, 2, 0, 4);
        }
    }

    /**
     * TensorFlow pads SAME asymmetrically: a 3x3 stride-2 window on a 4x4 input needs one padding cell, which goes
     * after (bottom/right). With an all-ones filter on an all-ones input, output (0,0) sums the 3x3 cells of rows and
     * columns 0..2 (9), output (1,1) covers rows and columns 2..4 where 4 is padding (4).
     */
    @Test
    void samePaddingWithStridePadsTheExtraCellAtTheEndAsTensorFlowDoes() throws Exception {
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        TinyGraph g = new TinyGraph().placeholder("x", 1, 4, 4, 1)
                .constant("w", FloatTensor.of(ones, 3, 3, 1, 1))
                .node("conv", "Conv2D", "{\"padding\":" + TinyGraph.s("SAME") + ",\"strides\":"
                        + TinyGraph.ints(1, 2, 2, 1) + "}", "x", "w");
        float[] input = new float[16];
        java.util.Arrays.fill(input, 1f);

        try (OnnxRunner m = new OnnxRunner(g.convert(ConversionSpec.whole(), dir))) {
            OnnxRunner.Output out = m.run("x", input, 1, 4, 4, 1).get("conv");
            assertThat(out.shape()).containsExactly(1, 2, 2, 1);
            assertThat(out.values()).containsExactly(9, 6, 6, 4);
        }
    }

    /** half_pixel_centers: source = (dst + 0.5) * in / out - 0.5, clamped at 0; 2 -> 4 gives 0, .25, .75, 1. */
    @Test
    void resizeBilinearHonoursHalfPixelCenters() throws Exception {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 1, 2, 1)
                .intConstant("size", 1, 4)
                .node("r", "ResizeBilinear", "{\"half_pixel_centers\":{\"b\":true}}", "x", "size");

        try (OnnxRunner m = new OnnxRunner(g.convert(ConversionSpec.whole(), dir))) {
            float[] out = m.run("x", new float[] {0, 4}, 1, 1, 2, 1).get("r").values();
            assertThat(out).containsExactly(new float[] {0, 1, 3, 4}, within(1e-6f));
        }
    }

    @Test
    void resizeBilinearHonoursAlignCorners() throws Exception {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 1, 2, 1)
                .intConstant("size", 1, 4)
                .node("r", "ResizeBilinear", "{\"align_corners\":{\"b\":true}}", "x", "size");

        try (OnnxRunner m = new OnnxRunner(g.convert(ConversionSpec.whole(), dir))) {
            float[] out = m.run("x", new float[] {0, 3}, 1, 1, 2, 1).get("r").values();
            assertThat(out).containsExactly(new float[] {0, 1, 2, 3}, within(1e-6f));
        }
    }

    @Test
    void foldsStridedSliceOfConstantsWithMasksAndNegativeStride() throws Exception {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 3)
                .intConstant("v", 10, 20, 30, 40, 50)
                .intConstant("b", 0).intConstant("e", 1).intConstant("st", -2)
                .node("rev", "StridedSlice", "{\"begin_mask\":{\"i\":\"1\"},\"end_mask\":{\"i\":\"1\"}}",
                        "v", "b", "e", "st")
                .node("f", "Cast", "{\"DstT\":{\"type\":\"DT_FLOAT\"}}", "rev")
                .node("y", "Mul", "{}", "x", "f");

        try (OnnxRunner m = new OnnxRunner(g.convert(ConversionSpec.whole(), dir))) {
            assertThat(m.run("x", new float[] {1, 1, 1}, 1, 3).get("y").values()).containsExactly(50, 30, 10);
        }
    }

    /**
     * TensorFlow semantics where tfjs 4.22 (cpu) differs: shrink_axis_mask combined with a stride of 2 elsewhere.
     * {@code x[0, 0:4:2, 1]} of a {@code [1, 4, 3]} tensor holding 0..11 is {@code [1, 7]}.
     */
    @Test
    void stridedSliceShrinksAxesWhileSteppingOthersAsTensorFlowDefines() throws Exception {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 4, 3)
                .intConstant("b", 0, 0, 1).intConstant("e", 1, 4, 2).intConstant("st", 1, 2, 1)
                .node("s", "StridedSlice", "{\"shrink_axis_mask\":{\"i\":\"5\"}}", "x", "b", "e", "st");
        float[] x = new float[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }

        try (OnnxRunner m = new OnnxRunner(g.convert(ConversionSpec.whole(), dir))) {
            OnnxRunner.Output out = m.run("x", x, 1, 4, 3).get("s");
            assertThat(out.shape()).containsExactly(2);
            assertThat(out.values()).containsExactly(1, 7);
        }
    }

    @Test
    void keepsADynamicBatchDimensionThroughConvolutionsAndReshapes() throws Exception {
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        TinyGraph g = new TinyGraph().placeholder("x", -1, 4, 4, 1)
                .constant("w", FloatTensor.of(ones, 3, 3, 1, 1))
                .node("conv", "Conv2D", "{\"padding\":" + TinyGraph.s("SAME") + ",\"strides\":"
                        + TinyGraph.ints(1, 2, 2, 1) + "}", "x", "w")
                .intConstant("shape", -1, 4)
                .node("flat", "Reshape", "{}", "conv", "shape");
        float[] input = new float[32];
        for (int i = 0; i < input.length; i++) {
            input[i] = i < 16 ? 1f : 2f;
        }

        try (OnnxRunner m = new OnnxRunner(g.convert(ConversionSpec.whole(), dir))) {
            OnnxRunner.Output out = m.run("x", input, 2, 4, 4, 1).get("flat");
            assertThat(out.shape()).containsExactly(2, 4);
            assertThat(out.values()).containsExactly(9, 6, 6, 4, 18, 12, 12, 8);
        }
    }

    /** TensorFlow names like {@code Relu_1} are also the pattern of generated ONNX names; outputs keep theirs. */
    @Test
    void outputsKeepTheirTensorFlowNamesEvenWhereGeneratedNamesWouldClash() throws Exception {
        TinyGraph g = new TinyGraph().placeholder("x", 1, 2)
                .node("a", "Relu", "{}", "x")
                .node("Relu_1", "Relu", "{}", "a")
                .node("Neg_2", "Neg", "{}", "Relu_1");

        try (OnnxRunner m = new OnnxRunner(g.convert(new ConversionSpec(List.of(), List.of("Relu_1", "Neg_2")), dir))) {
            Map<String, OnnxRunner.Output> out = m.run("x", new float[] {-1, 3}, 1, 2);
            assertThat(out.get("Relu_1").values()).containsExactly(0, 3);
            assertThat(out.get("Neg_2").values()).containsExactly(-0f, -3);
        }
    }
}

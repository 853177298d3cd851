package gallery.vision.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import gallery.vision.models.onnx.proto.ModelProto;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    @Test
    void writesAModelThatOnnxRuntimeRunsWithADynamicBatch() throws Exception {
        GraphBuilder g = new GraphBuilder("add");
        Value x = g.input("input", Value.DYNAMIC, 2);
        Value sum = g.node("Add", List.of(x, g.constant("bias", FloatTensor.of(new float[] {10f, 20f}, 2))),
                x.shape());
        g.output("out", sum);
        ModelProto model = g.build(new ModelInfo("test", "1", "doc", Map.of("b", "2", "a", "1")));

        assertThat(model.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(0).getDimParam())
                .isEqualTo(GraphBuilder.DYNAMIC_DIM_NAME);
        assertThat(model.getMetadataPropsList()).extracting(e -> e.getKey()).containsExactly("a", "b");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {1, 2, 3, 4, 5, 6}),
                     new long[] {3, 2});
             OrtSession.Result r = s.run(Map.of("input", in))) {
            float[][] out = (float[][]) r.get("out").orElseThrow().getValue();
            assertThat(out).isDeepEqualTo(new float[][] {{11, 22}, {13, 24}, {15, 26}});
        }
    }

    @Test
    void rejectsAValueNameUsedTwice() {
        GraphBuilder g = new GraphBuilder("dup");
        Value x = g.input("input", 1);
        g.output("out", x);

        assertThatThrownBy(() -> g.output("out", x)).hasMessageContaining("out");
    }
}

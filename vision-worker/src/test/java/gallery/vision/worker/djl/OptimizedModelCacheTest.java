package gallery.vision.worker.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoopTranslator;
import gallery.vision.worker.models.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

class OptimizedModelCacheTest {

    @TempDir
    Path cache;

    @Test
    void savesTheOptimisedGraphOnceAndItsAnswersEqualTheOriginalModels() throws Exception {
        Path onnx = TestModels.file("face-landmarks");
        OnnxRuntimeProperties saving = new OnnxRuntimeProperties(1, false, true, false, cache);
        float[] fresh;
        try (Model original = OnnxModels.load(onnx, OnnxRuntimeProperties.withThreads(1))) {
            fresh = run(original);
        }
        try (Model first = OnnxModels.load(onnx, saving)) {
            assertThat(run(first)).containsExactly(fresh);
        }
        Path saved;
        try (Stream<Path> files = Files.list(cache)) {
            saved = files.filter(f -> f.toString().endsWith(".optimized.onnx")).findFirst().orElseThrow();
        }
        long written = Files.getLastModifiedTime(saved).toMillis();
        try (Model second = OnnxModels.load(onnx, saving)) {
            assertThat(run(second)).containsExactly(fresh);
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).containsExactly(saved);
        }
        assertThat(Files.getLastModifiedTime(saved).toMillis()).isEqualTo(written);
    }

    @Test
    void anUnwritableDirectoryOnlyCostsTheSaving() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        try (Model model = OnnxModels.load(TestModels.file("face-landmarks"),
                new OnnxRuntimeProperties(1, false, true, false, notADirectory.resolve("sub")))) {
            assertThat(run(model)).isNotEmpty();
        }
    }

    @Test
    void anEmptyDirectorySettingSavesNothing() {
        assertThat(new OnnxRuntimeProperties(1, false, true, false, Path.of("")).savesOptimizedModels()).isFalse();
        assertThat(OnnxRuntimeProperties.withThreads(1).savesOptimizedModels()).isFalse();
        assertThat(new OnnxRuntimeProperties(1, false, true, false, cache).savesOptimizedModels()).isTrue();
    }

    private static float[] run(Model model) throws Exception {
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            Random random = new Random(7);
            float[] pixels = new float[112 * 112 * 3];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat() * 255;
            }
            NDList input = Tensors.input(model.getNDManager(), "input", pixels, 1, 112, 112, 3);
            return predictor.predict(input).get(0).toFloatArray();
        }
    }
}

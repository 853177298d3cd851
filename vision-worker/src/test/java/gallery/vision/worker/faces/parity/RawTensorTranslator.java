package gallery.vision.worker.faces.parity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import gallery.vision.worker.djl.Tensors;

import java.util.LinkedHashMap;
import java.util.Map;

/** Feeds one float32 tensor named {@code input} and returns every output, by name, as floats. */
final class RawTensorTranslator implements NoBatchifyTranslator<RawTensorTranslator.Tensor, Map<String, float[]>> {

    /** A tensor's values, row-major, and its shape. */
    record Tensor(float[] values, long[] shape) {
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Tensor input) {
        return Tensors.input(ctx.getNDManager(), "input", input.values(), input.shape());
    }

    @Override
    public Map<String, float[]> processOutput(TranslatorContext ctx, NDList outputs) {
        Map<String, float[]> byName = new LinkedHashMap<>();
        for (NDArray output : outputs) {
            byName.put(output.getName(), output.toFloatArray());
        }
        return byName;
    }
}

package gallery.vision.worker.faces;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.faces.image.FaceBatch;
import gallery.vision.worker.faces.image.PixelRegion;

import java.util.List;

/**
 * Runs one per-face network on all faces of an image at once: each face region (centred-padded square) resized to
 * the net's input size, stacked into an NHWC batch named {@code input}; the reader turns the outputs into one result
 * per face. Stateless and thread-safe; the predictors using it are not.
 *
 * @param <O> result per face
 */
public final class FaceNetTranslator<O> implements NoBatchifyTranslator<List<PixelRegion>, List<O>> {

    /** Turns a network's outputs for a batch into one result per face, in order. */
    @FunctionalInterface
    public interface OutputReader<O> {
        List<O> read(NDList outputs, List<PixelRegion> faces);
    }

    private static final String FACES = "faces";

    private final int inputSize;
    private final OutputReader<O> reader;

    public FaceNetTranslator(int inputSize, OutputReader<O> reader) {
        this.inputSize = inputSize;
        this.reader = reader;
    }

    public int inputSize() {
        return inputSize;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<PixelRegion> faces) {
        ctx.setAttachment(FACES, faces);
        FaceBatch batch = FaceBatch.of(faces, inputSize);
        return Tensors.input(ctx.getNDManager(), "input", batch.data(), batch.shape());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<O> processOutput(TranslatorContext ctx, NDList outputs) {
        return reader.read(outputs, (List<PixelRegion>) ctx.getAttachment(FACES));
    }
}

package gallery.vision.worker.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads ONNX files into DJL models on the ONNX Runtime engine, from local files only.
 *
 * <p>A loaded {@link ZooModel} holds one ONNX Runtime session; sessions are thread-safe, so a model is created once
 * and shared. Its {@code Predictor}s are not: create one per call (or per thread) with the network's translator, in
 * try-with-resources.
 */
public final class OnnxModels {

    public static final String ENGINE = "OnnxRuntime";

    private OnnxModels() {
    }

    /** Loads the file as a raw model ({@code NDList} in and out); predictors take the network's translator. */
    public static ZooModel<NDList, NDList> load(Path onnxFile, OnnxRuntimeProperties settings) {
        DjlPrivacy.ensure();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine(ENGINE)
                .optModelPath(onnxFile)
                .optOption("intraOpNumThreads", Integer.toString(settings.intraOpThreads()))
                .optOption("interOpNumThreads", "1")
                .optOption("executionMode", "SEQUENTIAL")
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX model " + onnxFile.getFileName(), e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load ONNX model " + onnxFile.getFileName(), e);
        }
    }
}

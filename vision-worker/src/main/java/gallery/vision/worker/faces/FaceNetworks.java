package gallery.vision.worker.faces;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * face-api's five networks loaded once: one ONNX Runtime session each, shared by all threads (sessions are
 * thread-safe). Predictors are created per call from these models. Closing releases the sessions.
 */
public final class FaceNetworks implements AutoCloseable {

    private final ZooModel<NDList, NDList> detector;
    private final ZooModel<NDList, NDList> landmarks;
    private final ZooModel<NDList, NDList> recognition;
    private final ZooModel<NDList, NDList> ageGender;
    private final ZooModel<NDList, NDList> expression;

    private FaceNetworks(List<ZooModel<NDList, NDList>> models) {
        this.detector = models.get(0);
        this.landmarks = models.get(1);
        this.recognition = models.get(2);
        this.ageGender = models.get(3);
        this.expression = models.get(4);
    }

    /** Loads all five; if one fails, those already loaded are closed. */
    public static FaceNetworks load(FaceModelFiles files, OnnxRuntimeProperties settings) {
        List<ZooModel<NDList, NDList>> loaded = new ArrayList<>(5);
        try {
            for (var file : List.of(files.detector(), files.landmarks(), files.recognition(), files.ageGender(),
                    files.expression())) {
                loaded.add(OnnxModels.load(file, settings));
            }
            return new FaceNetworks(loaded);
        } catch (RuntimeException e) {
            loaded.forEach(ZooModel::close);
            throw e;
        }
    }

    public ZooModel<NDList, NDList> detector() {
        return detector;
    }

    public ZooModel<NDList, NDList> landmarks() {
        return landmarks;
    }

    public ZooModel<NDList, NDList> recognition() {
        return recognition;
    }

    public ZooModel<NDList, NDList> ageGender() {
        return ageGender;
    }

    public ZooModel<NDList, NDList> expression() {
        return expression;
    }

    @Override
    public void close() {
        for (var model : List.of(detector, landmarks, recognition, ageGender, expression)) {
            model.close();
        }
    }
}

package gallery.vision.worker.faces;

import ai.djl.Model;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * face-api's five networks loaded once: one ONNX Runtime session each, shared by all threads (sessions are
 * thread-safe). Predictors are created per call from these models. Closing releases the sessions.
 */
public final class FaceNetworks implements AutoCloseable {

    private final Model detector;
    private final Model landmarks;
    private final Model recognition;
    private final Model ageGender;
    private final Model expression;

    private FaceNetworks(List<Model> models) {
        this.detector = models.get(0);
        this.landmarks = models.get(1);
        this.recognition = models.get(2);
        this.ageGender = models.get(3);
        this.expression = models.get(4);
    }

    /** Loads all five; if one fails, those already loaded are closed. */
    public static FaceNetworks load(FaceModelFiles files, OnnxRuntimeProperties settings) {
        List<Model> loaded = new ArrayList<>(5);
        try {
            for (var file : List.of(files.detector(), files.landmarks(), files.recognition(), files.ageGender(),
                    files.expression())) {
                loaded.add(OnnxModels.load(file, settings));
            }
            return new FaceNetworks(loaded);
        } catch (RuntimeException e) {
            loaded.forEach(Model::close);
            throw e;
        }
    }

    public Model detector() {
        return detector;
    }

    public Model landmarks() {
        return landmarks;
    }

    public Model recognition() {
        return recognition;
    }

    public Model ageGender() {
        return ageGender;
    }

    public Model expression() {
        return expression;
    }

    @Override
    public void close() {
        for (var model : List.of(detector, landmarks, recognition, ageGender, expression)) {
            model.close();
        }
    }
}

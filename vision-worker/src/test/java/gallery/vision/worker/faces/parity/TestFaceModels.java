package gallery.vision.worker.faces.parity;

import ai.djl.Model;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.faces.FaceAnalyzer;
import gallery.vision.worker.faces.FaceModelFiles;
import gallery.vision.worker.faces.FaceNetworks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The face models as the worker finds them (models module: {@code MODEL_DIR} or the classpath), loaded lazily and
 * kept for one test class. A test needing a model that is not built skips, naming it. Not thread-safe.
 */
final class TestFaceModels implements AutoCloseable {

    private static final OnnxRuntimeProperties ONNX = OnnxRuntimeProperties.withThreads(2);

    private final ModelFiles files = ModelFiles.fromEnvironment();
    private final Map<String, Model> single = new HashMap<>();
    private FaceNetworks networks;

    Model model(String name) {
        return single.computeIfAbsent(name, n -> OnnxModels.load(path(n), ONNX));
    }

    private Path path(String name) {
        Optional<Path> path = files.path(name);
        assumeTrue(path.isPresent(), "skipped: model " + name + " is not built (models module)");
        return path.get();
    }

    FaceAnalyzer analyzer() {
        if (networks == null) {
            Optional<FaceModelFiles> all = FaceModelFiles.find(files::path);
            assumeTrue(all.isPresent(), "skipped: not all five face models are built (models module)");
            networks = FaceNetworks.load(all.get(), ONNX);
        }
        return new FaceAnalyzer(networks);
    }

    @Override
    public void close() {
        single.values().forEach(Model::close);
        if (networks != null) {
            networks.close();
        }
    }
}

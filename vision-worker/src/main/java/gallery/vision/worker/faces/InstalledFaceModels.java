package gallery.vision.worker.faces;

import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this process finds the face models: {@code MODEL_DIR/faces/<name>.onnx}, the layout of the models module.
 * Stateless.
 */
final class InstalledFaceModels {

    static final String MODEL_DIR = "MODEL_DIR";

    private InstalledFaceModels() {
    }

    static Optional<FaceModelFiles> find(Environment environment) {
        String dir = environment.getProperty(MODEL_DIR);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path root = Path.of(dir);
        return FaceModelFiles.find(name -> Optional.of(root.resolve("faces").resolve(name + ".onnx"))
                .filter(Files::isRegularFile));
    }
}

package gallery.vision.worker.faces;

import gallery.vision.worker.models.InstalledModels;
import org.springframework.core.env.Environment;

import java.util.Optional;

/**
 * Where this process finds the face models: the five networks among the models {@link InstalledModels} resolves
 * for the {@code MODEL_DIR} setting (the classpath's when unset; none when it names no existing path; start-up fails
 * naming the variable when it is no model directory). Thread-safe.
 */
final class InstalledFaceModels {

    private InstalledFaceModels() {
    }

    static Optional<FaceModelFiles> find(Environment environment) {
        return InstalledModels.files(environment).flatMap(files -> FaceModelFiles.find(files::path));
    }
}

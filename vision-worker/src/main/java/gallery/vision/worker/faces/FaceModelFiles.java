package gallery.vision.worker.faces;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ONNX files of face-api's five networks, by their manifest names (see FACES-CONTRACT.md).
 *
 * @param detector    {@code face-detector}: SSD MobileNet v1
 * @param landmarks   {@code face-landmarks}: FaceLandmark68Net
 * @param recognition {@code face-recognition}: FaceRecognitionNet
 * @param ageGender   {@code face-age-gender}: AgeGenderNet
 * @param expression  {@code face-expression}: FaceExpressionNet
 */
public record FaceModelFiles(Path detector, Path landmarks, Path recognition, Path ageGender, Path expression) {

    /** All five files in the models module's layout under {@code dir}: {@code faces/<name>.onnx}. */
    public static Optional<FaceModelFiles> inDirectory(Path dir) {
        return find(name -> Optional.of(dir.resolve("faces").resolve(name + ".onnx")).filter(Files::isRegularFile));
    }

    /** All five files, if the lookup (model name to installed file) finds every one. */
    public static Optional<FaceModelFiles> find(Function<String, Optional<Path>> lookup) {
        Optional<Path> detector = lookup.apply("face-detector");
        Optional<Path> landmarks = lookup.apply("face-landmarks");
        Optional<Path> recognition = lookup.apply("face-recognition");
        Optional<Path> ageGender = lookup.apply("face-age-gender");
        Optional<Path> expression = lookup.apply("face-expression");
        if (detector.isEmpty() || landmarks.isEmpty() || recognition.isEmpty() || ageGender.isEmpty()
                || expression.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FaceModelFiles(detector.get(), landmarks.get(), recognition.get(), ageGender.get(),
                expression.get()));
    }
}

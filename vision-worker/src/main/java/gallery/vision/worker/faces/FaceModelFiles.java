package gallery.vision.worker.faces;

import gallery.vision.common.ModelRef;
import gallery.vision.common.models.ModelEntry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ONNX files of face-api's five networks, by their manifest names (inputs and outputs: models/README.md).
 *
 * @param detector    {@code face-detector}: SSD MobileNet v1
 * @param landmarks   {@code face-landmarks}: FaceLandmark68Net
 * @param recognition {@code face-recognition}: FaceRecognitionNet
 * @param ageGender   {@code face-age-gender}: AgeGenderNet
 * @param expression  {@code face-expression}: FaceExpressionNet
 */
public record FaceModelFiles(Path detector, Path landmarks, Path recognition, Path ageGender, Path expression) {

    public static final String DETECTOR = "face-detector";
    public static final String LANDMARKS = "face-landmarks";
    public static final String RECOGNITION = "face-recognition";
    public static final String AGE_GENDER = "face-age-gender";
    public static final String EXPRESSION = "face-expression";
    /** The five manifest names, in the order of the record's components. */
    public static final List<String> NAMES = List.of(DETECTOR, LANDMARKS, RECOGNITION, AGE_GENDER, EXPRESSION);

    /** All five files, if the lookup (model name to installed file) finds every one. */
    public static Optional<FaceModelFiles> find(Function<String, Optional<Path>> lookup) {
        List<Optional<Path>> found = NAMES.stream().map(lookup).toList();
        if (found.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<Path> p = found.stream().map(Optional::get).toList();
        return Optional.of(new FaceModelFiles(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4)));
    }

    /**
     * What face answers are stored and reported under, from the manifest entries of the five networks: the npm
     * package they were converted from, without its scope, and its version (e.g. {@code face-api} / {@code 1.7.15},
     * the seed's {@code model}; the int8 variants add {@code -int8}: {@code 1.7.15-int8}).
     *
     * @throws IllegalStateException when the five do not come from one package version
     */
    public static ModelRef model(List<ModelEntry> entries) {
        List<ModelRef> sources = entries.stream()
                .map(e -> new ModelRef(e.sourcePackage().replaceFirst("^@[^/]+/", ""),
                        e.sourceVersion() + e.modelPrecision().versionSuffix()))
                .distinct().toList();
        if (sources.size() != 1) {
            throw new IllegalStateException("the face models must come from one face-api version, the manifest lists "
                    + sources);
        }
        return sources.get(0);
    }
}

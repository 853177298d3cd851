package gallery.vision.common.models;

/**
 * One model in a model directory's {@code manifest.json}. A model name may be listed once per
 * {@link ModelPrecision}: the float32 file and its int8 variant (a distinct file and version).
 *
 * @param name          model name the worker asks for, e.g. {@code face-detector}
 * @param file          path of the ONNX file relative to the model directory, e.g. {@code faces/face-detector.onnx}
 * @param version       our version of the converted model, e.g. {@code face-api-1.7.15} ({@code face-api-1.7.15-int8}
 *                      for the int8 variant), reported with every answer it computed
 * @param sourcePackage npm package the weights come from, e.g. {@code @vladmandic/face-api}
 * @param sourceVersion its exact version, e.g. {@code 1.7.15}
 * @param sha256        hex sha256 of the ONNX file
 * @param precision     {@code fp32} or {@code int8} ({@link ModelPrecision#manifestValue()}); absent means fp32
 */
public record ModelEntry(String name, String file, String version, String sourcePackage, String sourceVersion,
        String sha256, String precision) {

    /** A float32 entry. */
    public ModelEntry(String name, String file, String version, String sourcePackage, String sourceVersion,
            String sha256) {
        this(name, file, version, sourcePackage, sourceVersion, sha256, ModelPrecision.FP32.manifestValue());
    }

    /** This entry's precision; an entry without one (older manifests) is float32. */
    public ModelPrecision modelPrecision() {
        return precision == null ? ModelPrecision.FP32 : ModelPrecision.fromManifest(precision);
    }
}

package gallery.vision.common.models;

/**
 * One model in a model directory's {@code manifest.json}.
 *
 * @param name          model name the worker asks for, e.g. {@code face-detector}
 * @param file          path of the ONNX file relative to the model directory, e.g. {@code faces/face-detector.onnx}
 * @param version       our version of the converted model, e.g. {@code face-api-1.7.15}
 * @param sourcePackage npm package the weights come from, e.g. {@code @vladmandic/face-api}
 * @param sourceVersion its exact version, e.g. {@code 1.7.15}
 * @param sha256        hex sha256 of the ONNX file
 */
public record ModelEntry(String name, String file, String version, String sourcePackage, String sourceVersion,
        String sha256) {
}

package gallery.vision.models.build;

import gallery.vision.common.image.RgbImage;
import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.faceapi.FaceApiInput;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.quant.ActivationCalibrator;
import gallery.vision.models.onnx.quant.ActivationRange;
import gallery.vision.models.onnx.quant.QdqQuantizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build step (after {@link ConvertFaceApi} and {@link ConvertGraphModels}): writes the int8 variant of every float32
 * model it has calibration inputs for, next to it ({@code x.onnx} -> {@code x-int8.onnx}), and lists it in the
 * manifest with precision {@code int8} and version {@code <fp32 version>-int8}. Static QDQ quantisation
 * ({@link QdqQuantizer}), activation ranges from {@link CalibrationPhotos}. Arguments: model dir, face-api package
 * dir.
 */
public final class QuantizeModels {

    /** Appended to the float32 version and file name. */
    private static final String SUFFIX = ModelPrecision.INT8.versionSuffix();
    private static final int FACES_PER_PHOTO = 8;

    private QuantizeModels() {
    }

    /** How one model is fed during calibration. */
    private record Calibration(long[] shape, List<float[]> inputs) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: QuantizeModels <model-dir> <face-api-package-dir>");
        }
        Path dir = Path.of(args[0]);
        Path manifest = dir.resolve(ModelManifest.FILE_NAME);
        List<ModelEntry> entries;
        try (InputStream in = Files.newInputStream(manifest)) {
            entries = ModelManifest.read(in);
        }
        CalibrationPhotos photos = new CalibrationPhotos(Path.of(args[1]));
        List<RgbImage> faces = entries.stream().anyMatch(e -> e.name().equals("face-detector"))
                ? photos.faces(dir.resolve(fp32(entries, "face-detector").file()), FACES_PER_PHOTO) : List.of();
        List<ModelEntry> out = new ArrayList<>();
        for (ModelEntry e : entries) {
            if (e.modelPrecision() != ModelPrecision.FP32) {
                continue;
            }
            out.add(e);
            Calibration c = calibration(e.name(), photos, faces);
            if (c != null) {
                out.add(quantize(dir, e, c));
            }
        }
        ModelManifest.write(out, manifest);
    }

    private static Calibration calibration(String model, CalibrationPhotos photos, List<RgbImage> faces) {
        return switch (model) {
            case "face-detector" -> new Calibration(new long[] {1, 512, 512, 3}, photos.wholePhotos(512, 1f));
            case "centernet-mobilenet-v3" -> new Calibration(new long[] {1, 512, 512, 3},
                    photos.wholePhotos(512, 1f));
            case "nsfw-mobilenet-v2-features" -> new Calibration(new long[] {1, 224, 224, 3},
                    photos.wholePhotos(224, 1f / 255f));
            case "face-landmarks", "face-expression", "face-age-gender" -> crops(faces, 112);
            case "face-recognition" -> crops(faces, 150);
            default -> null;
        };
    }

    private static Calibration crops(List<RgbImage> faces, int size) {
        return new Calibration(new long[] {1, size, size, 3},
                faces.stream().map(f -> FaceApiInput.batchTensor(f, size, true)).toList());
    }

    private static ModelEntry quantize(Path dir, ModelEntry e, Calibration c) throws Exception {
        long start = System.nanoTime();
        ModelProto model;
        try (InputStream in = Files.newInputStream(dir.resolve(e.file()))) {
            model = ModelProto.parseFrom(in);
        }
        Map<String, ActivationRange> ranges = calibrate(model, c);
        ModelProto quantized = QdqQuantizer.quantize(model, ranges);
        String file = e.file().replaceAll("\\.onnx$", "") + SUFFIX + ".onnx";
        try (OutputStream o = Files.newOutputStream(dir.resolve(file))) {
            quantized.writeTo(o);
        }
        String sha256 = Digests.sha256Hex(dir.resolve(file));
        System.out.printf("[models] %s: int8, %d tensors calibrated on %d inputs, %d bytes, sha256 %s, %d ms%n",
                file, ranges.size(), c.inputs().size(), Files.size(dir.resolve(file)), sha256,
                (System.nanoTime() - start) / 1_000_000);
        return new ModelEntry(e.name(), file, e.version() + SUFFIX, e.sourcePackage(), e.sourceVersion(), sha256,
                ModelPrecision.INT8.manifestValue());
    }

    private static Map<String, ActivationRange> calibrate(ModelProto model, Calibration c) throws Exception {
        try (ActivationCalibrator calibrator = new ActivationCalibrator(model, QdqQuantizer.candidates(model))) {
            for (float[] input : c.inputs()) {
                calibrator.observe(input, c.shape());
            }
            return calibrator.ranges();
        }
    }

    private static ModelEntry fp32(List<ModelEntry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name) && e.modelPrecision() == ModelPrecision.FP32)
                .findFirst().orElseThrow();
    }
}

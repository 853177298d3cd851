package gallery.vision.models.build;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.common.image.RgbImage;
import gallery.vision.models.faceapi.FaceApiInput;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The photos the int8 variants are calibrated on: face-api's demo photos {@link #CALIBRATION} (sample4..6 and the
 * evaluation set stay held out for the parity numbers of {@code docs/int8.md}), as whole-image inputs and as the face
 * crops the float32 detector finds in them (face-api's input: photo padded at the end to a square, 512; crops
 * padded centred). Not thread-safe.
 */
final class CalibrationPhotos {

    /** The demo photos calibrated on. */
    static final List<String> CALIBRATION = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg");
    private static final float MIN_FACE_SCORE = 0.5f;

    private final List<RgbImage> photos = new ArrayList<>();

    CalibrationPhotos(Path faceApiPackage) throws IOException {
        JpegDecoder decoder = new JpegDecoder(100_000_000L, JpegDecoding.IMAGEIO);
        for (String name : CALIBRATION) {
            photos.add(decoder.decode(Files.readAllBytes(faceApiPackage.resolve("demo").resolve(name))));
        }
    }

    /** Each photo as an NHWC {@code [size, size, 3]} input, values 0..255 times {@code valueScale}. */
    List<float[]> wholePhotos(int size, float valueScale) {
        List<float[]> inputs = new ArrayList<>();
        for (RgbImage photo : photos) {
            float[] t = FaceApiInput.batchTensor(photo, size, false);
            for (int i = 0; i < t.length; i++) {
                t[i] *= valueScale;
            }
            inputs.add(t);
        }
        return inputs;
    }

    /** The faces the float32 detector finds (score above 0.5, no two overlapping), at most {@code perPhoto} each. */
    List<RgbImage> faces(Path detector, int perPhoto) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<RgbImage> crops = new ArrayList<>();
        try (OrtSession session = env.createSession(detector.toString(), new OrtSession.SessionOptions())) {
            for (RgbImage photo : photos) {
                float[] input = FaceApiInput.batchTensor(photo, 512, false);
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 512, 512, 3});
                     OrtSession.Result r = session.run(Map.of("input", t))) {
                    float[] boxes = flatten((float[][][]) r.get("boxes").get().getValue());
                    float[] scores = ((float[][]) r.get("scores").get().getValue())[0];
                    int side = Math.max(photo.width(), photo.height());
                    for (int i : FaceBoxes.greedy(boxes, scores, MIN_FACE_SCORE, perPhoto)) {
                        int x = Math.round(boxes[4 * i + 1] * side), y = Math.round(boxes[4 * i] * side);
                        crops.add(FaceApiInput.crop(photo, x, y, Math.round(boxes[4 * i + 3] * side) - x,
                                Math.round(boxes[4 * i + 2] * side) - y));
                    }
                }
            }
        }
        return crops;
    }

    private static float[] flatten(float[][][] boxes) {
        float[] out = new float[boxes[0].length * 4];
        for (int i = 0; i < boxes[0].length; i++) {
            System.arraycopy(boxes[0][i], 0, out, 4 * i, 4);
        }
        return out;
    }
}

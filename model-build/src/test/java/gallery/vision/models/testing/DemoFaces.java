package gallery.vision.models.testing;

import gallery.vision.common.image.RgbImage;
import gallery.vision.models.build.FaceBoxes;
import java.util.ArrayList;
import java.util.List;

/**
 * Face crops of a demo photo found with the converted detector (face-api's input: pad the photo at the end to a
 * square, resize to 512; boxes are relative to that square). Greedy: best box, then the next best that overlaps
 * no box taken so far.
 */
public final class DemoFaces {

    private DemoFaces() {
    }

    public static List<RgbImage> faces(String photo, int max) throws Exception {
        RgbImage img = FaceApiInputs.demoPhoto(photo);
        float[] boxes;
        float[] scores;
        try (OnnxRunner detector = OnnxRunner.open("face-detector")) {
            var out = detector.run(FaceApiInputs.batchTensor(img, 512, false), 1, 512, 512, 3);
            boxes = out.get("boxes").values();
            scores = out.get("scores").values();
        }
        int side = Math.max(img.width(), img.height());
        List<RgbImage> crops = new ArrayList<>();
        for (int best : FaceBoxes.greedy(boxes, scores, 0.5f, max)) {
            int x = Math.round(boxes[4 * best + 1] * side), y = Math.round(boxes[4 * best] * side);
            int w = Math.round(boxes[4 * best + 3] * side) - x, h = Math.round(boxes[4 * best + 2] * side) - y;
            crops.add(FaceApiInputs.crop(img, x, y, w, h));
        }
        return crops;
    }

    /** The input tensor of a per-face net: {@code [N, size, size, 3]} of the crops, centred padding. */
    public static float[] batch(List<RgbImage> crops, int size) {
        float[] out = new float[crops.size() * size * size * 3];
        for (int i = 0; i < crops.size(); i++) {
            System.arraycopy(FaceApiInputs.batchTensor(crops.get(i), size, true), 0, out, i * size * size * 3,
                    size * size * 3);
        }
        return out;
    }
}

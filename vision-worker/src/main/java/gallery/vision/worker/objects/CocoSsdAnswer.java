package gallery.vision.worker.objects;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes decoded boxes like TensorFlow.js coco-ssd's {@code detect(image, 20, 0.1)}: boxes with a score of at least
 * {@value #MIN_SCORE}, suppressed across classes at IoU {@value #IOU_THRESHOLD} (coco-ssd's value), at most
 * {@value #MAX_DETECTIONS}, by score descending; {@code bbox = [x, y, width, height]} in pixels of the posted image,
 * the box clipped to the image. Scores are the network's, unchanged; each box also carries the best score of another
 * class it suppressed ({@link RivalScores}), for the calibration. Stateless, thread-safe.
 */
public final class CocoSsdAnswer {

    public static final float MIN_SCORE = 0.1f;
    public static final float IOU_THRESHOLD = 0.5f;
    public static final int MAX_DETECTIONS = 20;
    private static final NonMaxSuppression NMS = new NonMaxSuppression(IOU_THRESHOLD, MAX_DETECTIONS);

    private CocoSsdAnswer() {
    }

    public static List<DetectedObject> of(List<ScoredBox> boxes, int imageWidth, int imageHeight) {
        List<ScoredBox> eligible = boxes.stream().filter(b -> b.score() >= MIN_SCORE).toList();
        List<DetectedObject> answer = new ArrayList<>();
        for (ScoredBox box : NMS.apply(eligible)) {
            double left = clip(box.left()) * imageWidth;
            double top = clip(box.top()) * imageHeight;
            double right = clip(box.right()) * imageWidth;
            double bottom = clip(box.bottom()) * imageHeight;
            if (right <= left || bottom <= top) {
                continue;
            }
            double raw = box.score();
            answer.add(new DetectedObject(new double[] {left, top, right - left, bottom - top},
                    CocoClasses.name(box.classIndex()), raw, raw, RivalScores.of(box, eligible, IOU_THRESHOLD)));
        }
        return answer;
    }

    private static double clip(float v) {
        return Math.max(0, Math.min(1, v));
    }
}

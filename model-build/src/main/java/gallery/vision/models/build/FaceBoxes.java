package gallery.vision.models.build;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy choice of face boxes from the detector's raw output ({@code [ymin, xmin, ymax, xmax]} per anchor): the best
 * box above the score, then the next best overlapping none taken so far. Stateless, thread-safe.
 */
public final class FaceBoxes {

    private FaceBoxes() {
    }

    /** Indices of at most {@code max} boxes, best first. */
    public static List<Integer> greedy(float[] boxes, float[] scores, float minScore, int max) {
        List<Integer> taken = new ArrayList<>();
        while (taken.size() < max) {
            int best = -1;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] > minScore && (best < 0 || scores[i] > scores[best]) && !overlapsAny(boxes, i, taken)) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken.add(best);
        }
        return taken;
    }

    private static boolean overlapsAny(float[] b, int i, List<Integer> taken) {
        for (int j : taken) {
            float iy = Math.min(b[4 * i + 2], b[4 * j + 2]) - Math.max(b[4 * i], b[4 * j]);
            float ix = Math.min(b[4 * i + 3], b[4 * j + 3]) - Math.max(b[4 * i + 1], b[4 * j + 1]);
            if (iy > 0 && ix > 0) {
                return true;
            }
        }
        return false;
    }
}

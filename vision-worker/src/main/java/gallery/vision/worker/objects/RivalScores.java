package gallery.vision.worker.objects;

import java.util.List;

/**
 * For a box kept by the class-agnostic suppression, the highest score among the candidate boxes of other classes
 * that overlap it by more than the suppression's IoU threshold, i.e. the boxes it suppressed: the network's score
 * for "another class, same object" (a white dog seen as both sheep and dog). 0 when no such box scored at least the
 * candidates' floor. Stateless, thread-safe.
 */
final class RivalScores {

    private RivalScores() {
    }

    /**
     * @param kept       a box the suppression kept
     * @param candidates every box the suppression was given
     * @param iou        the suppression's IoU threshold
     */
    static float of(ScoredBox kept, List<ScoredBox> candidates, float iou) {
        float rival = 0;
        for (ScoredBox other : candidates) {
            if (other.classIndex() != kept.classIndex() && other.score() > rival && kept.iou(other) > iou) {
                rival = other.score();
            }
        }
        return rival;
    }
}

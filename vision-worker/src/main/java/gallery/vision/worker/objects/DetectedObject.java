package gallery.vision.worker.objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of the {@code /objects} answer's {@code data}, in coco-ssd's shape plus the network's raw score.
 *
 * @param bbox       {@code [x, y, width, height]} in pixels of the posted image
 * @param className  the COCO class as coco-ssd spells it (JSON {@code class})
 * @param score      the calibrated score: the estimated probability that the detection is correct
 *                   ({@link ScoreCalibration}), comparable with coco-ssd's class probability
 * @param rawScore   the network's own score, unchanged
 * @param rivalScore the highest raw score of a box of another class that this one suppressed ({@link RivalScores}),
 *                   0 when there was none: how much the network also saw another class there. An input of the
 *                   calibration, not part of the answer's JSON
 */
@JsonPropertyOrder({"bbox", "class", "score", "rawScore"})
public record DetectedObject(double[] bbox, @JsonProperty("class") String className, double score,
                             double rawScore, @JsonIgnore double rivalScore) {

    /** A detection whose score is still the network's raw one, with no rival class. */
    public DetectedObject(double[] bbox, String className, double rawScore) {
        this(bbox, className, rawScore, rawScore, 0);
    }

    /** The same detection with {@code calibrated} as its score (the raw and rival scores kept). */
    public DetectedObject withScore(double calibrated) {
        return new DetectedObject(bbox, className, calibrated, rawScore, rivalScore);
    }
}

package gallery.vision.worker.objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of the {@code /objects} answer's {@code data}, in coco-ssd's shape.
 *
 * @param bbox      {@code [x, y, width, height]} in pixels of the posted image
 * @param className the COCO class as coco-ssd spells it (JSON {@code class})
 * @param score     the network's raw score
 */
@JsonPropertyOrder({"bbox", "class", "score"})
public record DetectedObject(double[] bbox, @JsonProperty("class") String className, double score) {
}

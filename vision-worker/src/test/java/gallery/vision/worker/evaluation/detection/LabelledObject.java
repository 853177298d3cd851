package gallery.vision.worker.evaluation.detection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An object a person listed in a photo ({@code object-labels.json}).
 *
 * @param className coco-ssd's class name
 * @param bbox      rough [x, y, width, height] in pixels of the photo as stored in its package
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledObject(@JsonProperty("class") String className, double[] bbox) {

    public Box box() {
        return Box.of(bbox);
    }
}

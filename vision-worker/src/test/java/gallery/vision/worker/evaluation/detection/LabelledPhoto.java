package gallery.vision.worker.evaluation.detection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The hand labels of one photo.
 *
 * @param id      the photo's id in {@code photos.tsv}
 * @param width   the stored photo's width, which the boxes refer to
 * @param height  the stored photo's height
 * @param objects every labelled object (may be empty: a photo with nothing to find still counts false detections)
 * @param ignore  regions (class + box) where detections of that class count neither as found nor as false: crowds
 *                and clusters that were not labelled one by one; absent in the JSON means none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledPhoto(String id, int width, int height, List<LabelledObject> objects,
                            List<LabelledObject> ignore) {

    public LabelledPhoto {
        objects = objects == null ? List.of() : List.copyOf(objects);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }

    public LabelledPhoto(String id, int width, int height, List<LabelledObject> objects) {
        this(id, width, height, objects, List.of());
    }
}

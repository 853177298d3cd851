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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledPhoto(String id, int width, int height, List<LabelledObject> objects) {
}

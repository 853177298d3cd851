package gallery.vision.worker.evaluation.detection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code tools/eval-photos/object-labels.json}: hand-listed COCO objects per photo. Reading it checks every class
 * name against coco-ssd's 80 names, so a typo fails loudly instead of counting as a miss.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectLabels(List<LabelledPhoto> photos) {

    public static ObjectLabels read(Path json, Set<String> cocoClasses) {
        ObjectLabels labels = JsonMapper.builder().build().readValue(json.toFile(), ObjectLabels.class);
        labels.validate(cocoClasses);
        return labels;
    }

    void validate(Set<String> cocoClasses) {
        for (LabelledPhoto photo : photos) {
            for (LabelledObject object : java.util.stream.Stream.concat(photo.objects().stream(),
                    photo.ignore().stream()).toList()) {
                if (!cocoClasses.contains(object.className())) {
                    throw new IllegalArgumentException(photo.id() + ": '" + object.className()
                            + "' is not one of coco-ssd's class names");
                }
                Box box = object.box();
                if (box.x() < 0 || box.y() < 0 || box.x() + box.width() > photo.width() + 1
                        || box.y() + box.height() > photo.height() + 1) {
                    throw new IllegalArgumentException(photo.id() + ": box of " + object.className()
                            + " lies outside the " + photo.width() + "x" + photo.height() + " photo");
                }
            }
        }
    }
}

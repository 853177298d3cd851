package gallery.vision.worker.objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code /objects}.
 *
 * @param flip {@code OBJECTS_FLIP}: flip test-time augmentation: the detector also sees each image mirrored left to
 *             right and averages its two outputs (more objects kept at Home Gallery's cut, fewer false detections;
 *             about twice the detector's CPU time). Each mode answers with its own score calibration, fitted on
 *             scores of that mode, and its own {@code version} (docs/model-choice.md).
 */
@Validated
@ConfigurationProperties("gallery.objects")
public record ObjectsProperties(boolean flip) {
}

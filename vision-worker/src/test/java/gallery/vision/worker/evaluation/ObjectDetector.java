package gallery.vision.worker.evaluation;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.detection.Detection;

import java.util.List;

/**
 * A candidate detector: every detection it reports for one image, with raw scores, boxes in pixels of that image and
 * coco-ssd's class names. The evaluation applies its own score thresholds.
 *
 * <p>Called from one thread at a time by the evaluation.
 */
@FunctionalInterface
public interface ObjectDetector {

    List<Detection> detect(RgbImage image);
}

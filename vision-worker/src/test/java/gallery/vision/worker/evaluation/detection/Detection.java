package gallery.vision.worker.evaluation.detection;

/**
 * One detection as coco-ssd reports it.
 *
 * @param className coco-ssd's class name ({@code person}, {@code dining table}, ...)
 * @param score     the model's raw score
 * @param box       in pixels of the image the detector was given
 */
public record Detection(String className, double score, Box box) {
}

package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/**
 * One edit after another ({@code first}, then {@code then}), named {@code "first + then"}: the training
 * augmentations of the embedding projection combine Home Gallery's near-duplicate edits this way.
 *
 * @param first applied to the photo
 * @param then  applied to the result of {@code first}
 */
public record Composed(ImageTransform first, ImageTransform then) implements ImageTransform {

    @Override
    public String name() {
        return first.name() + " + " + then.name();
    }

    @Override
    public RgbImage apply(RgbImage image) {
        return then.apply(first.apply(image));
    }
}

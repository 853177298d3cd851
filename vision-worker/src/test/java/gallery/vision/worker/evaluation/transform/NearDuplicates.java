package gallery.vision.worker.evaluation.transform;

import java.util.List;

/** The edits of the near-duplicate retrieval evaluations, in report order. */
public final class NearDuplicates {

    private NearDuplicates() {
    }

    /** The five edits of issue 5's retrieval evaluation (raw cosine and codes). */
    public static List<ImageTransform> transforms() {
        return List.of(new HalfSize(), new CentreCrop(0.8), new JpegRecompression(35), new HorizontalFlip(),
                new Brightness(1.2));
    }

    /**
     * The near-duplicates of issue 10, measured with Home Gallery's own code and similarity: re-encoded (JPEG quality
     * 50), resized (half size), cropped by 10% (90% centre crop), gray.
     */
    public static List<ImageTransform> homeGallery() {
        return List.of(new JpegRecompression(50), new HalfSize(), new CentreCrop(0.9), new Gray());
    }

    /**
     * Extra edits of the training photos for fitting the embedding projection only (never measured): Home Gallery's
     * other near-duplicate edits followed by the gray one, so that the fit sees more of how a photo moves when its
     * colour goes (the gray copies were the held-out failures of hgshape2).
     */
    public static List<ImageTransform> trainingAugmentations() {
        return List.of(new Composed(new JpegRecompression(50), new Gray()), new Composed(new HalfSize(), new Gray()),
                new Composed(new CentreCrop(0.9), new Gray()));
    }
}

package gallery.vision.worker.evaluation.transform;

import java.util.List;

/** The five edits of the near-duplicate retrieval evaluation (issue 5), in report order. */
public final class NearDuplicates {

    private NearDuplicates() {
    }

    public static List<ImageTransform> transforms() {
        return List.of(new HalfSize(), new CentreCrop(0.8), new JpegRecompression(35), new HorizontalFlip(),
                new Brightness(1.2));
    }
}

package gallery.vision.worker.faces.image;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.faces.geometry.Box;
import gallery.vision.worker.faces.geometry.Detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * face-api's {@code extractFaceTensors}: each box is cut at the image borders and floored; empty boxes are dropped
 * (so later faces move up, as in face-api); the rest become centred-padded regions for a per-face network.
 */
public final class FaceExtraction {

    private FaceExtraction() {
    }

    /** The region of a box given in the image's pixels, if it is not empty once clipped. */
    public static Optional<PixelRegion> region(RgbImage image, Box box) {
        Box clipped = box.clipAtImageBorders(image.width(), image.height());
        if (clipped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PixelRegion.centredCrop(image, (int) clipped.x(), (int) clipped.y(),
                (int) clipped.width(), (int) clipped.height()));
    }

    /** The region of a detection, after face-api's re-scaling of the detection to the image's size. */
    public static Optional<PixelRegion> region(RgbImage image, Detection detection) {
        return region(image, detection.forSize(image.width(), image.height()).box());
    }

    /** The non-empty regions of the boxes, in order. */
    public static List<PixelRegion> regions(RgbImage image, List<Box> boxes) {
        List<PixelRegion> regions = new ArrayList<>(boxes.size());
        for (Box box : boxes) {
            region(image, box).ifPresent(regions::add);
        }
        return regions;
    }
}

package gallery.vision.ingress.dispatch;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.ImageSource;

import java.util.Objects;

/**
 * One image to analyze, as ingress received and validated it.
 *
 * @param kind  the analysis asked for
 * @param sha1  sha1 hex of the image's JPEG bytes
 * @param image the image: its bytes (what distributed mode stores for the workers) and its pixels, already
 *              decoded by the validation (what embedded mode analyzes)
 */
public record AnalysisJob(AnalysisKind kind, String sha1, ImageSource image) {

    public AnalysisJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha1, "sha1");
        Objects.requireNonNull(image, "image");
    }
}

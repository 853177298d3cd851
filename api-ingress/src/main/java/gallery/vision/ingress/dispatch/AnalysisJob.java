package gallery.vision.ingress.dispatch;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.RgbImage;

/**
 * One image to analyze, as ingress received and validated it.
 *
 * @param kind  the analysis asked for
 * @param sha1  sha1 hex of {@code jpeg}
 * @param jpeg  the posted bytes
 * @param image the decoded pixels (validated by ingress; embedded mode analyzes them without decoding again)
 */
public record AnalysisJob(AnalysisKind kind, String sha1, byte[] jpeg, RgbImage image) {
}

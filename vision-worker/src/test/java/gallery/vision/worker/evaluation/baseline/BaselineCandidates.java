package gallery.vision.worker.evaluation.baseline;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.EmbeddingFunction;
import gallery.vision.worker.evaluation.EvaluationCandidates;
import gallery.vision.worker.evaluation.transform.AreaResize;

import java.util.List;

/**
 * Two hand-made, non-learned image descriptors, so the harness has a reference point (and runs end to end) before
 * any network is converted. They are baselines, not candidates for the service: a network has to beat them clearly.
 * <ul>
 *   <li>{@code colour-histogram}: 4x4x4 RGB histogram, shares of pixels per bin times 16 (64 values);</li>
 *   <li>{@code thumbnail}: the image squeezed to 8x8 by area averaging, RGB scaled to 0..2.875 (192 values).</li>
 * </ul>
 */
public final class BaselineCandidates implements EvaluationCandidates {

    @Override
    public List<Candidate<EmbeddingFunction>> embeddings() {
        return List.of(new Candidate<>("baseline-colour-histogram", "4x4x4", BaselineCandidates::colourHistogram),
                new Candidate<>("baseline-thumbnail", "8x8", BaselineCandidates::thumbnail));
    }

    static float[] colourHistogram(RgbImage image) {
        float[] bins = new float[64];
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            int bin = ((rgb[i] & 0xff) >> 6) * 16 + ((rgb[i + 1] & 0xff) >> 6) * 4 + ((rgb[i + 2] & 0xff) >> 6);
            bins[bin]++;
        }
        float pixels = rgb.length / 3f;
        for (int i = 0; i < bins.length; i++) {
            bins[i] = bins[i] / pixels * 16;
        }
        return bins;
    }

    static float[] thumbnail(RgbImage image) {
        RgbImage small = AreaResize.resize(image, Math.min(8, image.width()), Math.min(8, image.height()));
        float[] values = new float[192];
        byte[] rgb = small.rgb();
        for (int i = 0; i < rgb.length; i++) {
            values[i] = (rgb[i] & 0xff) / 255f * 2.875f;
        }
        return values;
    }
}

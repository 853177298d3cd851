package gallery.vision.worker.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Shapes the network's features for Home Gallery's 2-bit similarity code (every third value, {@code v / 2.875}, square
 * root, 4 levels, cosine of the squared levels) by standardising each feature on its own: {@code z = (x - mean) /
 * divisor}, answered as two non-negative halves {@code [max(z, 0)..., max(-z, 0)...]}. A photo's raised codes are
 * then the features where it departs from the typical photo, in either direction, rather than the features most
 * photos share, so unrelated photos share fewer raised codes; raw cosine retrieval works on the whole vector.
 *
 * <p>Shipped since {@code duo-hgshape7} on the "duo" features (the network's 1792 features of the colour image, then
 * its 1792 of the image turned gray): 3584 features, 7168 values. The means and divisors are fitted by the evaluation
 * harness ({@code FitEmbeddingShaping}, docs/model-choice.md: per feature the mean over the training photos and
 * {@code sqrt(max(sd, 0.02))}, divided by the chosen scale) and shipped as the resource
 * {@code <embedder name>.standardisation.tsv} beside this class: one line per feature, {@code mean TAB divisor};
 * {@code #} comments. Immutable, thread-safe.
 */
public final class HomeGalleryStandardisation implements EmbeddingTransform {

    private final float[] mean;
    private final float[] divisor;

    /** @param mean per feature; @param divisor per feature, positive (the scale folded in) */
    public HomeGalleryStandardisation(float[] mean, float[] divisor) {
        if (mean.length == 0 || mean.length != divisor.length) {
            throw new IllegalArgumentException("one mean and one divisor per feature, got " + mean.length + " and "
                    + divisor.length);
        }
        for (float d : divisor) {
            if (!(d > 0)) {
                throw new IllegalArgumentException("divisors must be positive, got " + d);
            }
        }
        this.mean = mean.clone();
        this.divisor = divisor.clone();
    }

    @Override
    public float[] apply(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + features.length);
        }
        float[] out = new float[2 * features.length];
        for (int i = 0; i < features.length; i++) {
            float z = (features[i] - mean[i]) / divisor[i];
            out[i] = Math.max(z, 0);
            out[features.length + i] = Math.max(-z, 0);
        }
        return out;
    }

    /** The standardisation shipped for embedder {@code embedderName}, or {@link EmbeddingTransform#NONE} without one. */
    public static EmbeddingTransform forEmbedder(String embedderName) {
        String resource = embedderName + ".standardisation.tsv";
        try (InputStream in = HomeGalleryStandardisation.class.getResourceAsStream(resource)) {
            return in == null ? NONE : parse(resource, new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the resource's lines ({@code mean TAB divisor} per feature); fails naming the source on a bad line. */
    public static HomeGalleryStandardisation parse(String source, List<String> lines) {
        List<float[]> features = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 2) {
                throw new IllegalArgumentException(source + ": expected 'mean TAB divisor': " + line);
            }
            features.add(new float[] {Float.parseFloat(cells[0]), Float.parseFloat(cells[1])});
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(source + ": needs one line per feature");
        }
        float[] mean = new float[features.size()];
        float[] divisor = new float[features.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = features.get(i)[0];
            divisor[i] = features.get(i)[1];
        }
        return new HomeGalleryStandardisation(mean, divisor);
    }
}

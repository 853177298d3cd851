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
 * Shapes the network's pooled features for Home Gallery's 2-bit similarity code (every third value, {@code v / 2.875},
 * square root, 4 levels, cosine of the squared levels): each feature is centred on its mean over a training photo set
 * and divided by a per-feature divisor (the square root of its spread, floored), times one scale; the positive and
 * the negative parts are then answered as two non-negative halves ({@code [max(z, 0)..., max(-z, 0)...]}, twice the
 * network's length). Unrelated photos then share few raised values, so their code similarity drops, while a photo and
 * its near-duplicates keep theirs; raw cosine retrieval keeps working on the whole vector.
 *
 * <p>The parameters are fitted by the evaluation harness ({@code FitEmbeddingShaping}, docs/model-choice.md) and
 * shipped as the resource {@code <embedder name>.shaping.tsv} beside this class: {@code scale TAB s}, then one line
 * {@code mean TAB divisor} per feature, {@code #} comments. Immutable, thread-safe.
 */
public final class HomeGalleryShaping implements EmbeddingTransform {

    private final float[] mean;
    private final float[] divisor;
    private final float scale;

    public HomeGalleryShaping(float[] mean, float[] divisor, float scale) {
        if (mean.length != divisor.length) {
            throw new IllegalArgumentException("one divisor per mean: " + mean.length + " / " + divisor.length);
        }
        for (float d : divisor) {
            if (!(d > 0)) {
                throw new IllegalArgumentException("divisors must be positive: " + d);
            }
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        this.mean = mean.clone();
        this.divisor = divisor.clone();
        this.scale = scale;
    }

    @Override
    public float[] apply(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + features.length);
        }
        float[] out = new float[2 * features.length];
        for (int i = 0; i < features.length; i++) {
            float z = (features[i] - mean[i]) / divisor[i] * scale;
            out[i] = Math.max(z, 0);
            out[features.length + i] = Math.max(-z, 0);
        }
        return out;
    }

    /** The shaping shipped for embedder {@code embedderName}, or {@link EmbeddingTransform#NONE} without one. */
    public static EmbeddingTransform forEmbedder(String embedderName) {
        String resource = embedderName + ".shaping.tsv";
        try (InputStream in = HomeGalleryShaping.class.getResourceAsStream(resource)) {
            return in == null ? NONE : parse(resource, new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the resource's lines; fails naming the source on a malformed line. */
    public static HomeGalleryShaping parse(String source, List<String> lines) {
        Float scale = null;
        List<float[]> features = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length == 2 && cells[0].equals("scale")) {
                scale = Float.parseFloat(cells[1]);
            } else if (cells.length == 2) {
                features.add(new float[] {Float.parseFloat(cells[0]), Float.parseFloat(cells[1])});
            } else {
                throw new IllegalArgumentException(source + ": expected 'mean TAB divisor': " + line);
            }
        }
        if (scale == null || features.isEmpty()) {
            throw new IllegalArgumentException(source + ": needs a scale line and one line per feature");
        }
        float[] mean = new float[features.size()];
        float[] divisor = new float[features.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = features.get(i)[0];
            divisor[i] = features.get(i)[1];
        }
        return new HomeGalleryShaping(mean, divisor, scale);
    }
}

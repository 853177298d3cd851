package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.EmbeddingTransform;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes the network's pooled features for Home Gallery's 2-bit similarity code (every third value, {@code v / 2.875},
 * square root, 4 levels, cosine of the squared levels): the features are centred on a mean and projected onto
 * {@code k} learned directions ({@code y = A (x - mean)}, the scale folded into {@code A}); the positive and the
 * negative parts are answered as two non-negative halves ({@code [max(y, 0)..., max(-y, 0)...]}). In the
 * {@link Layout#THRICE} layout every one of those values is written three times in a row, so that Home Gallery's
 * every-third-value code sees each of them exactly once. Unrelated photos then share few raised values, so their code
 * similarity drops, while a photo and its near-duplicates keep theirs; raw cosine retrieval works on the whole vector.
 *
 * <p>The parameters (a regularised discriminant projection and its settings) are fitted by the evaluation harness
 * ({@code FitEmbeddingShaping}, docs/model-choice.md) as a file: {@code layout TAB halves|thrice}, then one line per
 * feature, {@code mean TAB a_1 ... a_k} (that feature's mean and its column of {@code A}); {@code #} comments. The
 * service shipped it (resource {@code <embedder name>.shaping.tsv}) from {@code hgshape2} to {@code gray-hgshape6};
 * since {@code duo-hgshape7} it ships {@code HomeGalleryStandardisation}, and the projection is a candidate of the
 * harness, which measures the earlier files (from {@code git show}) against it. Immutable, thread-safe.
 */
public final class HomeGalleryShaping implements EmbeddingTransform {

    /** How the 2k non-negative values are laid out in the answer. */
    public enum Layout {
        /** {@code [pos_1..pos_k, neg_1..neg_k]}: 2k values. */
        HALVES(1),
        /** The same values, each repeated three times in a row: 6k values. */
        THRICE(3);

        private final int repeat;

        Layout(int repeat) {
            this.repeat = repeat;
        }
    }

    private final float[] mean;
    private final float[][] directions;
    private final Layout layout;

    /**
     * @param mean       the feature means, length d
     * @param directions k rows of length d: the rows of {@code A}, scale included
     */
    public HomeGalleryShaping(float[] mean, float[][] directions, Layout layout) {
        if (directions.length == 0) {
            throw new IllegalArgumentException("at least one direction");
        }
        for (float[] row : directions) {
            if (row.length != mean.length) {
                throw new IllegalArgumentException("each direction needs " + mean.length + " values, got "
                        + row.length);
            }
        }
        this.mean = mean.clone();
        this.directions = new float[directions.length][];
        for (int k = 0; k < directions.length; k++) {
            this.directions[k] = directions[k].clone();
        }
        this.layout = layout;
    }

    @Override
    public float[] apply(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + features.length);
        }
        float[] centred = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            centred[i] = features[i] - mean[i];
        }
        int k = directions.length;
        int repeat = layout.repeat;
        float[] out = new float[2 * k * repeat];
        for (int j = 0; j < k; j++) {
            double y = 0;
            float[] row = directions[j];
            for (int i = 0; i < centred.length; i++) {
                y += row[i] * centred[i];
            }
            for (int r = 0; r < repeat; r++) {
                out[j * repeat + r] = (float) Math.max(y, 0);
                out[(k + j) * repeat + r] = (float) Math.max(-y, 0);
            }
        }
        return out;
    }

    /** Parses the resource's lines; fails naming the source on a malformed line. */
    public static HomeGalleryShaping parse(String source, List<String> lines) {
        Layout layout = null;
        List<float[]> features = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length == 2 && cells[0].equals("layout")) {
                layout = Layout.valueOf(cells[1].toUpperCase(java.util.Locale.ROOT));
            } else if (cells.length >= 2 && (features.isEmpty() || cells.length == features.get(0).length)) {
                float[] values = new float[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    values[i] = Float.parseFloat(cells[i]);
                }
                features.add(values);
            } else {
                throw new IllegalArgumentException(source + ": expected 'mean TAB a_1 ... a_k', k the same on "
                        + "every line: " + line);
            }
        }
        if (layout == null || features.isEmpty()) {
            throw new IllegalArgumentException(source + ": needs a layout line and one line per feature");
        }
        int k = features.get(0).length - 1;
        float[] mean = new float[features.size()];
        float[][] directions = new float[k][features.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = features.get(i)[0];
            for (int j = 0; j < k; j++) {
                directions[j][i] = features.get(i)[j + 1];
            }
        }
        return new HomeGalleryShaping(mean, directions, layout);
    }
}

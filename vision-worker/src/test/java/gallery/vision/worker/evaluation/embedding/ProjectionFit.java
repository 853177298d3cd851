package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.evaluation.embedding.HomeGalleryShaping;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits the projection behind {@link HomeGalleryShaping}: a regularised discriminant analysis where each photo is a
 * class and its samples are the photo and its near-duplicate edits. The samples are centred on their mean and
 * reduced to their principal components (all of non-zero variance, through the samples' Gram matrix); there the
 * within-photo scatter {@code Sw} (how edits move a photo) is shrunk towards a multiple of the identity,
 * {@code (1 - alpha) Sw + alpha tr(Sw) / p I}, the space whitened by it (its Cholesky factor), and the between-photo
 * scatter's leading eigenvectors taken: directions along which photos differ much more than a photo differs from its
 * edits, each with unit (regularised) within-photo spread. Optionally the leading directions of colour change are
 * projected out first ({@link #withoutColour}). Decompositions by commons-math3 ({@link EigenDecomposition} of
 * symmetric matrices, {@link CholeskyDecomposition}). Stateless.
 */
public final class ProjectionFit {

    /** Directions kept at most (enough for every setting compared; there are at most photos - 1). */
    static final int MAX_DIRECTIONS = 96;
    private static final String GRAY = "gray";

    /**
     * @param mean       the samples' mean (length d)
     * @param directions rows of length d, by discriminant eigenvalue descending
     */
    public record Projection(float[] mean, double[][] directions) {

        /** The first {@code k} directions times {@code scale}, in {@code layout}. */
        public HomeGalleryShaping shaping(int k, double scale, HomeGalleryShaping.Layout layout) {
            if (k > directions.length) {
                throw new IllegalArgumentException("only " + directions.length + " directions fitted, asked " + k);
            }
            float[][] rows = new float[k][];
            for (int j = 0; j < k; j++) {
                rows[j] = new float[directions[j].length];
                for (int i = 0; i < rows[j].length; i++) {
                    rows[j][i] = (float) (directions[j][i] * scale);
                }
            }
            return new HomeGalleryShaping(mean, rows, layout);
        }
    }

    /**
     * The principal components of one sample set, shared by fits with different settings.
     *
     * @param grayPairs per gray sample {colour sample, gray sample} (indices into {@code scores}): the photo and its
     *                  gray copy, an edit and the same edit turned gray ({@link #grayPartner})
     */
    public record Components(double[] mean, double[][] basis, double[][] scores, int[] classes, int classCount,
                             int[][] grayPairs) {
    }

    private ProjectionFit() {
    }

    /**
     * The colour counterpart of a gray sample's edit name: {@code original} for {@code gray}, {@code X} for
     * {@code X + gray} (a training augmentation); null for an edit that keeps the colours.
     */
    static String grayPartner(String edit) {
        if (edit.equals(GRAY)) {
            return RawEmbeddings.ORIGINAL;
        }
        return edit.endsWith(" + " + GRAY) ? edit.substring(0, edit.length() - GRAY.length() - 3) : null;
    }

    /** Centres the originals and edits of {@code photos} and finds their principal components. */
    public static Components components(RawEmbeddings cache, List<String> photos, List<String> edits) {
        List<float[]> samples = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        List<int[]> grayPairs = new ArrayList<>();
        for (int c = 0; c < photos.size(); c++) {
            int first = samples.size();
            samples.add(cache.get(photos.get(c), RawEmbeddings.ORIGINAL));
            classes.add(c);
            for (String edit : edits) {
                samples.add(cache.get(photos.get(c), edit));
                classes.add(c);
            }
            for (int e = 0; e < edits.size(); e++) {
                String partner = grayPartner(edits.get(e));
                int colour = partner == null ? -1 : partner.equals(RawEmbeddings.ORIGINAL) ? 0
                        : edits.indexOf(partner) + 1;
                if (colour >= 0) {
                    grayPairs.add(new int[] {first + colour, first + e + 1});
                }
            }
        }
        int n = samples.size();
        int d = samples.get(0).length;
        double[] mean = new double[d];
        samples.forEach(s -> IntStream.range(0, d).forEach(i -> mean[i] += s[i] / (double) n));
        double[][] x = new double[n][d];
        for (int a = 0; a < n; a++) {
            for (int i = 0; i < d; i++) {
                x[a][i] = samples.get(a)[i] - mean[i];
            }
        }
        double[][] gram = new double[n][n];
        IntStream.range(0, n).parallel().forEach(a -> {
            for (int b = 0; b <= a; b++) {
                gram[a][b] = dot(x[a], x[b]);
            }
        });
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        Eigen g = Eigen.of(gram);
        int p = 0;
        while (p < n && g.values[p] > 1e-9 * g.values[0]) {
            p++;
        }
        double[][] basis = new double[p][d];
        double[][] scores = new double[n][p];
        for (int j = 0; j < p; j++) {
            double root = Math.sqrt(g.values[j]);
            for (int a = 0; a < n; a++) {
                double v = g.vectors[a][j];
                scores[a][j] = v * root;
                for (int i = 0; i < d; i++) {
                    basis[j][i] += x[a][i] * v / root;
                }
            }
        }
        return new Components(mean, basis, scores, classes.stream().mapToInt(Integer::intValue).toArray(),
                photos.size(), grayPairs.toArray(int[][]::new));
    }

    /**
     * The same components with the {@code m} leading directions of colour change projected out of every sample:
     * the principal axes (uncentred, so the mean shift counts) of the gray-minus-colour differences of
     * {@link Components#grayPairs()}. A projection fitted on the result is orthogonal to them, so that moving a
     * feature vector along them (what turning a photo gray mostly does) leaves its projection unchanged.
     */
    public static Components withoutColour(Components c, int m) {
        if (m == 0) {
            return c;
        }
        int[][] pairs = c.grayPairs();
        if (m > pairs.length) {
            throw new IllegalArgumentException(m + " colour directions asked, only " + pairs.length + " gray pairs");
        }
        int p = c.basis().length;
        double[][] diffs = new double[pairs.length][p];
        for (int a = 0; a < pairs.length; a++) {
            for (int j = 0; j < p; j++) {
                diffs[a][j] = c.scores()[pairs[a][1]][j] - c.scores()[pairs[a][0]][j];
            }
        }
        double[][] gram = new double[pairs.length][pairs.length];
        for (int a = 0; a < pairs.length; a++) {
            for (int b = 0; b <= a; b++) {
                gram[a][b] = dot(diffs[a], diffs[b]);
                gram[b][a] = gram[a][b];
            }
        }
        Eigen g = Eigen.of(gram);
        double[][] axes = new double[m][p];
        for (int j = 0; j < m; j++) {
            double root = Math.sqrt(g.values[j]);
            for (int a = 0; a < pairs.length; a++) {
                double f = g.vectors[a][j] / root;
                for (int q = 0; q < p; q++) {
                    axes[j][q] += diffs[a][q] * f;
                }
            }
        }
        double[][] scores = new double[c.scores().length][];
        for (int a = 0; a < scores.length; a++) {
            double[] s = c.scores()[a].clone();
            for (double[] axis : axes) {
                double f = dot(s, axis);
                for (int q = 0; q < p; q++) {
                    s[q] -= f * axis[q];
                }
            }
            scores[a] = s;
        }
        return new Components(c.mean(), c.basis(), scores, c.classes(), c.classCount(), pairs);
    }

    /** The discriminant projection of {@code c} with shrinkage {@code alpha} (0 .. 1). */
    public static Projection fit(Components c, double alpha) {
        int n = c.scores().length;
        int p = c.basis().length;
        double[][] classMeans = new double[c.classCount()][p];
        int[] counts = new int[c.classCount()];
        for (int a = 0; a < n; a++) {
            counts[c.classes()[a]]++;
            for (int j = 0; j < p; j++) {
                classMeans[c.classes()[a]][j] += c.scores()[a][j];
            }
        }
        for (int k = 0; k < classMeans.length; k++) {
            for (int j = 0; j < p; j++) {
                classMeans[k][j] /= counts[k];
            }
        }
        double[][] within = new double[p][p];
        for (int a = 0; a < n; a++) {
            double[] m = classMeans[c.classes()[a]];
            double[] r = new double[p];
            for (int j = 0; j < p; j++) {
                r[j] = c.scores()[a][j] - m[j];
            }
            addOuter(within, r, r, 1.0 / n);
        }
        double trace = IntStream.range(0, p).mapToDouble(j -> within[j][j]).sum();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                within[i][j] = (1 - alpha) * within[i][j] + (i == j ? alpha * trace / p : 0);
            }
        }
        // whitening by the Cholesky factor of the shrunk within-photo scatter, Sw = L L^T, z = L^-1 x (any
        // whitening gives the same discriminant directions; the factor is robust where an eigen solver may not
        // converge, e.g. on the repeated eigenvalues left by projected-out colour directions)
        double[][] lower = new CholeskyDecomposition(new Array2DRowRealMatrix(symmetrised(within), false),
                CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD,
                CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD).getL().getData();
        // between-photo scatter in the whitened space, B = H^T H with rows h_c = sqrt(n_c / n) L^-1 m_c: its
        // eigenvectors from the small photos x photos matrix H H^T (rank at most photos - 1)
        double[][] hRows = new double[classMeans.length][];
        for (int k = 0; k < classMeans.length; k++) {
            hRows[k] = forward(lower, classMeans[k]);
            double weight = Math.sqrt((double) counts[k] / n);
            for (int j = 0; j < p; j++) {
                hRows[k][j] *= weight;
            }
        }
        RealMatrix h = new Array2DRowRealMatrix(hRows, false);
        Eigen e = Eigen.of(symmetrised(h.multiply(h.transpose()).getData()));
        int k = 0;
        while (k < Math.min(MAX_DIRECTIONS, e.values.length) && e.values[k] > 1e-9 * e.values[0]) {
            k++;
        }
        // direction j in the principal-component space: t_j = L^-T r_j, r_j the unit eigenvector of B
        double[][] t = new double[k][];
        for (int j = 0; j < k; j++) {
            double root = Math.sqrt(e.values[j]);
            double[] r = new double[p];
            for (int q = 0; q < p; q++) {
                double sum = 0;
                for (int a = 0; a < hRows.length; a++) {
                    sum += hRows[a][q] * e.vectors[a][j];
                }
                r[q] = sum / root;
            }
            t[j] = backward(lower, r);
        }
        int d = c.mean().length;
        double[][] directions = new double[k][d];
        for (int j = 0; j < k; j++) {
            for (int q = 0; q < p; q++) {
                double f = t[j][q];
                double[] u = c.basis()[q];
                for (int i = 0; i < d; i++) {
                    directions[j][i] += f * u[i];
                }
            }
        }
        float[] mean = new float[d];
        for (int i = 0; i < d; i++) {
            mean[i] = (float) c.mean()[i];
        }
        return new Projection(mean, directions);
    }

    /** Solves {@code L y = b} for lower-triangular {@code L}. */
    private static double[] forward(double[][] lower, double[] b) {
        double[] y = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double sum = b[i];
            for (int j = 0; j < i; j++) {
                sum -= lower[i][j] * y[j];
            }
            y[i] = sum / lower[i][i];
        }
        return y;
    }

    /** Solves {@code L^T x = b} for lower-triangular {@code L}. */
    private static double[] backward(double[][] lower, double[] b) {
        double[] x = new double[b.length];
        for (int i = b.length - 1; i >= 0; i--) {
            double sum = b[i];
            for (int j = i + 1; j < b.length; j++) {
                sum -= lower[j][i] * x[j];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }

    private static double[][] symmetrised(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double v = (m[i][j] + m[j][i]) / 2;
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    private static void addOuter(double[][] into, double[] a, double[] b, double weight) {
        for (int i = 0; i < a.length; i++) {
            double ai = a[i] * weight;
            for (int j = 0; j < b.length; j++) {
                into[i][j] += ai * b[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Eigenvalues descending with their eigenvectors as columns, of a symmetric matrix. */
    private record Eigen(double[] values, double[][] vectors) {
        static Eigen of(double[][] symmetric) {
            EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(symmetric), false));
            double[] raw = e.getRealEigenvalues();
            Integer[] order = IntStream.range(0, raw.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> -raw[i]));
            int n = raw.length;
            double[] values = new double[n];
            double[][] vectors = new double[n][n];
            for (int j = 0; j < n; j++) {
                values[j] = raw[order[j]];
                double[] v = e.getEigenvector(order[j]).toArray();
                for (int i = 0; i < n; i++) {
                    vectors[i][j] = v[i];
                }
            }
            return new Eigen(values, vectors);
        }
    }
}

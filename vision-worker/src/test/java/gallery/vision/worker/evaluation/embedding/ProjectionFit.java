package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.HomeGalleryShaping;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
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
 * {@code (1 - alpha) Sw + alpha tr(Sw) / p I}, the space whitened by it, and the between-photo scatter's leading
 * eigenvectors taken: directions along which photos differ much more than a photo differs from its edits, each with
 * unit (regularised) within-photo spread. Eigen decompositions by commons-math3's {@link EigenDecomposition}
 * (symmetric matrices). Stateless.
 */
public final class ProjectionFit {

    /** Directions kept at most (enough for every setting compared; there are at most photos - 1). */
    static final int MAX_DIRECTIONS = 96;

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

    /** The principal components of one sample set, shared by fits with different {@code alpha}. */
    public record Components(double[] mean, double[][] basis, double[][] scores, int[] classes, int classCount) {
    }

    private ProjectionFit() {
    }

    /** Centres the originals and edits of {@code photos} and finds their principal components. */
    public static Components components(RawEmbeddings cache, List<String> photos, List<String> edits) {
        List<float[]> samples = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < photos.size(); c++) {
            samples.add(cache.get(photos.get(c), RawEmbeddings.ORIGINAL));
            classes.add(c);
            for (String edit : edits) {
                samples.add(cache.get(photos.get(c), edit));
                classes.add(c);
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
                photos.size());
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
        double[][] between = new double[p][p];
        for (int a = 0; a < n; a++) {
            double[] m = classMeans[c.classes()[a]];
            double[] r = new double[p];
            for (int j = 0; j < p; j++) {
                r[j] = c.scores()[a][j] - m[j];
            }
            addOuter(within, r, r, 1.0 / n);
            addOuter(between, m, m, 1.0 / n);
        }
        double trace = IntStream.range(0, p).mapToDouble(j -> within[j][j]).sum();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                within[i][j] = (1 - alpha) * within[i][j] + (i == j ? alpha * trace / p : 0);
            }
        }
        Eigen w = Eigen.of(within);
        double[][] whiten = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                whiten[i][j] = w.vectors[i][j] / Math.sqrt(w.values[j]);
            }
        }
        // between-photo scatter in the whitened space, B = H^T H with rows h_c = sqrt(n_c / n) W^T m_c: its
        // eigenvectors from the small photos x photos matrix H H^T (rank at most photos - 1)
        RealMatrix wm = new Array2DRowRealMatrix(whiten, false);
        double[][] hRows = new double[classMeans.length][];
        for (int k = 0; k < classMeans.length; k++) {
            hRows[k] = wm.preMultiply(classMeans[k]);
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
        double[][] r = new double[p][k];
        for (int j = 0; j < k; j++) {
            double root = Math.sqrt(e.values[j]);
            for (int q = 0; q < p; q++) {
                double sum = 0;
                for (int a = 0; a < hRows.length; a++) {
                    sum += hRows[a][q] * e.vectors[a][j];
                }
                r[q][j] = sum / root;
            }
        }
        double[][] t = wm.multiply(new Array2DRowRealMatrix(r, false)).getData();
        int d = c.mean().length;
        double[][] directions = new double[k][d];
        for (int j = 0; j < k; j++) {
            for (int q = 0; q < p; q++) {
                double f = t[q][j];
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

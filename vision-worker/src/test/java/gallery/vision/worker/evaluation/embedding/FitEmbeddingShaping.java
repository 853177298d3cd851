package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.HomeGalleryShaping;
import gallery.vision.worker.evaluation.cache.EvalPaths;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.EvalSplit;
import gallery.vision.worker.evaluation.photos.PhotoManifest;
import gallery.vision.worker.evaluation.report.MarkdownTable;
import gallery.vision.worker.evaluation.transform.ImageTransform;
import gallery.vision.worker.evaluation.transform.NearDuplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link HomeGalleryShaping} on the training photos ({@link EvalSplit}) from the cached raw embeddings
 * ({@code RawOutputs}): per feature the mean and the divisor {@code sqrt(max(sd, }{@value #SD_FLOOR}{@code ))} over
 * the training originals; the scale from {@link #SCALES}, the one whose near-duplicates pass most often on the
 * training photos (ties: fewer unrelated pairs shown). Writes the resource the service ships and reports, before
 * (raw features) and after, on the held-out photos and the training photos ({@link ShapingEvaluation}).
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.embedding.FitEmbeddingShaping \
 *     -Deval.args="--report docs/evaluation/embedding-shaping.md"
 * </pre>
 * Options: {@code --cache DIR}, {@code --shaping PATH} (default: the resource beside {@code HomeGalleryShaping}),
 * {@code --report PATH} (relative paths against the repository root).
 */
public final class FitEmbeddingShaping {

    static final double SD_FLOOR = 0.02;
    static final List<Float> SCALES = List.of(1f, 1.5f, 2f, 3f, 4f, 5f);

    private FitEmbeddingShaping() {
    }

    public static void main(String[] args) throws IOException {
        EvalPaths paths = EvalPaths.parse(args);
        Path repo = paths.tools().getParent().getParent();
        RawEmbeddings cache = RawEmbeddings.read(paths.cache().resolve("embeddings.bin"));
        List<String> training = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (EvalPhoto photo : PhotoManifest.read(paths.tools().resolve("photos.tsv"), paths.photos())) {
            (EvalSplit.of(photo) == EvalSplit.HELD_OUT ? heldOut : training).add(photo.id());
        }
        List<String> edits = NearDuplicates.homeGallery().stream().map(ImageTransform::name).toList();
        float[][] stats = meanAndDivisor(cache, training);
        HomeGalleryShaping best = null;
        ShapingEvaluation.Result bestResult = null;
        float bestScale = 0;
        for (float scale : SCALES) {
            HomeGalleryShaping candidate = new HomeGalleryShaping(stats[0], stats[1], scale);
            ShapingEvaluation.Result r = ShapingEvaluation.run(cache, training, edits, candidate);
            System.out.printf(Locale.ROOT, "shaping: scale %.1f on training: %d/%d pass, %.3f unrelated shown%n",
                    scale, r.passed(), r.nearDuplicates(), r.unrelatedShown());
            if (bestResult == null || r.passed() > bestResult.passed()
                    || r.passed() == bestResult.passed() && r.unrelatedShown() < bestResult.unrelatedShown()) {
                best = candidate;
                bestResult = r;
                bestScale = scale;
            }
        }
        List<String> file = new ArrayList<>(List.of(
                "# Home Gallery shaping of " + cache.model() + ": scale, then mean and divisor per feature.",
                "# Fitted " + LocalDate.now() + " by FitEmbeddingShaping (evaluation harness, docs/model-choice.md) on "
                        + training.size() + " training photos of tools/eval-photos.",
                String.format(Locale.ROOT, "scale\t%s", bestScale)));
        for (int i = 0; i < stats[0].length; i++) {
            file.add(stats[0][i] + "\t" + stats[1][i]);
        }
        Path shapingPath = repo.resolve(paths.option("shaping", "vision-worker/src/main/resources/gallery/vision/"
                + "worker/embeddings/" + cache.model() + ".shaping.tsv"));
        Files.write(shapingPath, file);
        HomeGalleryShaping shipped = HomeGalleryShaping.parse(shapingPath.toString(), file);

        StringBuilder report = new StringBuilder("# Embeddings shaped for Home Gallery's similarity: " + cache.model()
                + "\n\n");
        report.append(String.format(Locale.ROOT, "Fitted on %d training photos (scale %.1f chosen on them); held "
                + "out: %d photos (sha1 starting 0-5). Near-duplicates: %s. Similarity: Home Gallery's own code and "
                + "cosine (threshold 0.5), reimplemented in `HomeGallerySimilarity`.%n%n", training.size(), bestScale,
                heldOut.size(), String.join(", ", edits)));
        MarkdownTable table = new MarkdownTable("photos", "embedding", "values", "near-duplicates first and >= 0.5",
                "unrelated pairs >= 0.5", "margin: mean", "margin: min", "photos with margin <= 0",
                "raw recall@1");
        List<String> failures = new ArrayList<>();
        for (String part : List.of("held-out", "training")) {
            List<String> ids = part.equals("held-out") ? heldOut : training;
            for (EmbeddingTransform t : List.of(EmbeddingTransform.NONE, shipped)) {
                ShapingEvaluation.Result r = ShapingEvaluation.run(cache, ids, edits, t);
                boolean raw = t == EmbeddingTransform.NONE;
                table.row(part + " (" + ids.size() + ")", raw ? "raw features" : "shaped",
                        t.apply(cache.get(ids.get(0), RawEmbeddings.ORIGINAL)).length,
                        String.format(Locale.ROOT, "%d/%d (%.1f%%)", r.passed(), r.nearDuplicates(),
                                100.0 * r.passed() / r.nearDuplicates()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.unrelatedShown()),
                        String.format(Locale.ROOT, "%.3f", r.meanMargin()),
                        String.format(Locale.ROOT, "%.3f", r.minMargin()), r.negativeMargins(),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.rawRecall()));
                if (part.equals("held-out")) {
                    r.failures().forEach(f -> failures.add((raw ? "raw: " : "shaped: ") + f));
                }
            }
        }
        report.append(table.render()).append('\n');
        report.append("Held-out near-duplicates that did not pass:\n\n");
        failures.forEach(f -> report.append("- ").append(f).append('\n'));
        Path reportPath = repo.resolve(paths.option("report", "vision-worker/target/shaping-report.md"));
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        Files.writeString(reportPath, report);
        System.out.println(report);
        System.out.println("shaping: parameters written to " + shapingPath + ", report to " + reportPath);
    }

    /** Per feature over the originals of {@code photos}: the mean, and sqrt(max(standard deviation, floor)). */
    static float[][] meanAndDivisor(RawEmbeddings cache, List<String> photos) {
        int dims = cache.get(photos.get(0), RawEmbeddings.ORIGINAL).length;
        double[] sum = new double[dims];
        double[] squares = new double[dims];
        for (String photo : photos) {
            float[] v = cache.get(photo, RawEmbeddings.ORIGINAL);
            for (int i = 0; i < dims; i++) {
                sum[i] += v[i];
                squares[i] += (double) v[i] * v[i];
            }
        }
        float[] mean = new float[dims];
        float[] divisor = new float[dims];
        for (int i = 0; i < dims; i++) {
            double m = sum[i] / photos.size();
            double sd = Math.sqrt(Math.max(0, squares[i] / photos.size() - m * m));
            mean[i] = (float) m;
            divisor[i] = (float) Math.sqrt(Math.max(sd, SD_FLOOR));
        }
        return new float[][] {mean, divisor};
    }
}

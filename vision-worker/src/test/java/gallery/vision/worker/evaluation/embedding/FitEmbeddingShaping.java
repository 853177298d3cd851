package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.HomeGalleryShaping;
import gallery.vision.worker.evaluation.cache.EvalPaths;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;
import gallery.vision.worker.evaluation.photos.CrossValidationFolds;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits {@link HomeGalleryShaping} on the training photos ({@link EvalSplit}) from the cached raw embeddings
 * ({@code RawOutputs}): the method and its settings are chosen by {@value CrossValidationFolds#K}-fold
 * cross-validation inside the training photos ({@link ShapingCrossValidation}), then the chosen one is fitted on all
 * training photos and their edits ({@link ProjectionFit}), written as the resource the service ships, and measured
 * once on the held-out photos (and, for reference, the training photos) before (raw features) and after
 * ({@link ShapingEvaluation}).
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.embedding.FitEmbeddingShaping \
 *     -Deval.args="--report docs/evaluation/embedding-shaping.md"
 * </pre>
 * Options: {@code --cache DIR}, {@code --shaping PATH} (default: the resource beside {@code HomeGalleryShaping}),
 * {@code --report PATH} (relative paths against the repository root), {@code --first-photos N} (also report the
 * held-out photos among the first N of photos.tsv and those added after them, each part queried among itself),
 * {@code --previous PATH --previous-name NAME} (also measure the parameters shipped before, e.g. from
 * {@code git show}, on the same photos), {@code --fresh PATH[,PATH...]} (manifests of fresh photos, e.g.
 * {@code tools/eval-photos/fresh-photos.tsv}, whose raw outputs are in the cache: also report them, each manifest's
 * photos queried among themselves and named by the manifest, {@code fresh-photos.tsv} as {@code fresh}; they play no
 * part in the choice or the fit), {@code --colour-cache DIR} (the gray-input experiment: {@code --cache} holds the
 * raw outputs of gray input; the raw features and the {@code --previous} parameters are also, respectively only,
 * measured on this cache of colour input, the same photos).
 */
public final class FitEmbeddingShaping {

    private FitEmbeddingShaping() {
    }

    public static void main(String[] args) throws IOException {
        EvalPaths paths = EvalPaths.parse(args);
        Path repo = paths.tools().getParent().getParent();
        RawEmbeddings cache = RawEmbeddings.read(paths.cache().resolve("embeddings.bin"));
        List<EvalPhoto> trainingPhotos = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        List<EvalPhoto> manifest = PhotoManifest.read(paths.tools().resolve("photos.tsv"), paths.photos());
        int first = Integer.parseInt(paths.option("first-photos", "0"));
        List<String> heldOutFirst = new ArrayList<>();
        List<String> heldOutLater = new ArrayList<>();
        for (int i = 0; i < manifest.size(); i++) {
            EvalPhoto photo = manifest.get(i);
            if (EvalSplit.of(photo) == EvalSplit.HELD_OUT) {
                heldOut.add(photo.id());
                (i < first ? heldOutFirst : heldOutLater).add(photo.id());
            } else {
                trainingPhotos.add(photo);
            }
        }
        List<String> training = trainingPhotos.stream().map(EvalPhoto::id).toList();
        List<String> edits = NearDuplicates.homeGallery().stream().map(ImageTransform::name).toList();
        List<String> augmentations = NearDuplicates.trainingAugmentations().stream().map(ImageTransform::name)
                .toList();

        List<ShapingCrossValidation.Row> cv = ShapingCrossValidation.run(cache, training,
                CrossValidationFolds.assign(trainingPhotos, CrossValidationFolds.K), CrossValidationFolds.K, edits, augmentations);
        List<ShapingCrossValidation.Row> ranked = cv.stream().sorted(ShapingCrossValidation.order()).toList();
        ShapingCrossValidation.Setting chosen = ranked.get(0).setting();
        if (!chosen.method().equals("projection")) {
            throw new IllegalStateException("cross-validation chose " + chosen + "; the service ships projections");
        }
        ProjectionFit.Projection projection = ProjectionFit.fit(ProjectionFit.withoutColour(
                ProjectionFit.components(cache, training, ShapingCrossValidation.fitEdits(edits, augmentations,
                        chosen.augmented())), chosen.colourRemoved()), chosen.alpha());
        HomeGalleryShaping fitted = projection.shaping(chosen.k(), chosen.scale(), chosen.layout());
        List<String> file = new ArrayList<>(List.of(
                "# Home Gallery shaping of " + cache.model() + ": layout, then per feature its mean and its "
                        + chosen.k() + " projection weights (scale " + chosen.scale() + " included).",
                "# Fitted " + LocalDate.now() + " by FitEmbeddingShaping (evaluation harness, docs/model-choice.md) on "
                        + training.size() + " training photos of tools/eval-photos and their edits; chosen by "
                        + CrossValidationFolds.K + "-fold cross-validation on them: " + chosen + ".",
                "layout\t" + chosen.layout().name().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < projection.mean().length; i++) {
            StringBuilder line = new StringBuilder(Float.toString(projection.mean()[i]));
            for (int j = 0; j < chosen.k(); j++) {
                line.append('\t').append(String.format(Locale.ROOT, "%.6g",
                        projection.directions()[j][i] * chosen.scale()));
            }
            file.add(line.toString());
        }
        Path shapingPath = repo.resolve(paths.option("shaping", "vision-worker/src/main/resources/gallery/vision/"
                + "worker/embeddings/" + cache.model() + ".shaping.tsv"));
        Files.write(shapingPath, file);
        HomeGalleryShaping shipped = HomeGalleryShaping.parse(shapingPath.toString(), file);

        StringBuilder report = new StringBuilder("# Embeddings shaped for Home Gallery's similarity: " + cache.model()
                + "\n\n");
        report.append(String.format(Locale.ROOT, "Fitted on %d training photos and their edits; held out: %d photos "
                + "(sha1 starting 0-5). Near-duplicates: %s. Training augmentations (fit only, never measured): %s. Similarity: Home Gallery's own code and cosine (threshold "
                + "0.5), reimplemented in `HomeGallerySimilarity`.%n%n", training.size(), heldOut.size(),
                String.join(", ", edits), String.join(", ", augmentations)));
        report.append(crossValidation(ranked, cv.size()));
        report.append("Chosen: ").append(chosen).append(". Fitted on all training photos and evaluated once on the "
                + "held-out photos:\n\n");
        MarkdownTable table = new MarkdownTable("photos", "embedding", "values", "near-duplicates first and >= 0.5",
                "unrelated pairs >= 0.5", "margin: mean", "margin: min", "photos with margin <= 0",
                "raw recall@1");
        List<String> failures = new ArrayList<>();
        RawEmbeddings colour = paths.options().containsKey("colour-cache")
                ? RawEmbeddings.read(Path.of(paths.option("colour-cache", "")).resolve("embeddings.bin")) : null;
        String input = colour == null ? "" : ", gray input";
        List<Measured> measured = new ArrayList<>();
        if (colour != null) {
            measured.add(new Measured("raw features, colour input", "raw, colour input: ", colour,
                    EmbeddingTransform.NONE));
        }
        measured.add(new Measured("raw features" + input, "raw" + input + ": ", cache, EmbeddingTransform.NONE));
        String previousName = paths.option("previous-name", "previous");
        if (paths.options().containsKey("previous")) {
            Path previous = Path.of(paths.option("previous", ""));
            String name = previousName + (colour == null ? "" : ", colour input");
            measured.add(new Measured("shaped, " + name, name + ": ", colour == null ? cache : colour,
                    HomeGalleryShaping.parse(previous.toString(), Files.readAllLines(previous))));
        }
        measured.add(new Measured("shaped" + input, "shaped" + input + ": ", cache, shipped));
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("held-out", heldOut);
        if (first > 0) {
            parts.put("held-out, first " + first + " of photos.tsv", heldOutFirst);
            parts.put("held-out, added later", heldOutLater);
        }
        List<String> failuresOf = new ArrayList<>(List.of("held-out"));
        if (paths.options().containsKey("fresh")) {
            for (String manifestPath : paths.option("fresh", "").split(",")) {
                Path path = repo.resolve(manifestPath);
                List<String> fresh = PhotoManifest.read(path, paths.photos()).stream().map(EvalPhoto::id).toList();
                String name = path.getFileName().toString().replace("-photos.tsv", "");
                parts.put(name, fresh);
                failuresOf.add(name);
            }
        }
        parts.put("training", training);
        for (Map.Entry<String, List<String>> entry : parts.entrySet()) {
            String part = entry.getKey();
            List<String> ids = entry.getValue();
            for (Measured m : measured) {
                EmbeddingTransform t = m.transform();
                ShapingEvaluation.Result r = ShapingEvaluation.run(m.cache(), ids, edits, t);
                table.row(part + " (" + ids.size() + ")", m.name(),
                        t.apply(m.cache().get(ids.get(0), RawEmbeddings.ORIGINAL)).length,
                        String.format(Locale.ROOT, "%d/%d (%.1f%%)", r.passed(), r.nearDuplicates(),
                                100.0 * r.passed() / r.nearDuplicates()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.unrelatedShown()),
                        String.format(Locale.ROOT, "%.3f", r.meanMargin()),
                        String.format(Locale.ROOT, "%.3f", r.minMargin()), r.negativeMargins(),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.rawRecall()));
                if (failuresOf.contains(part)) {
                    String label = part + ", " + m.label();
                    r.failures().forEach(f -> failures.add(label + f));
                }
            }
        }
        report.append(table.render()).append('\n');
        report.append("Near-duplicates that did not pass (all held-out photos queried together; all fresh photos "
                + "queried together):\n\n");
        failures.forEach(f -> report.append("- ").append(f).append('\n'));
        Path reportPath = repo.resolve(paths.option("report", "vision-worker/target/shaping-report.md"));
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        Files.writeString(reportPath, report);
        System.out.println(report);
        System.out.println("shaping: parameters written to " + shapingPath + ", report to " + reportPath);
    }

    /** One embedding measured in the report: its name, the prefix of its failures, its raw outputs and transform. */
    private record Measured(String name, String label, RawEmbeddings cache, EmbeddingTransform transform) {
    }

    private static String crossValidation(List<ShapingCrossValidation.Row> ranked, int settings) {
        MarkdownTable table = new MarkdownTable("rank", "setting", "near-duplicates first and >= 0.5",
                "unrelated pairs >= 0.5", "margin: worst 5%", "margin: min", "margin: mean", "raw recall@1");
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            ShapingCrossValidation.Row r = ranked.get(i);
            ShapingCrossValidation.Setting s = r.setting();
            boolean firstOfGroup = groups.add(s.method() + "/" + s.augmented() + "/" + s.colourRemoved());
            if (i < 12 || firstOfGroup) {
                table.row(i + 1, r.setting(), String.format(Locale.ROOT, "%d/%d", r.passed(), r.queries()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.unrelatedShown()),
                        String.format(Locale.ROOT, "%.3f", r.tailMargin()),
                        String.format(Locale.ROOT, "%.3f", r.minMargin()),
                        String.format(Locale.ROOT, "%.3f", r.meanMargin()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.rawRecall()));
            }
        }
        return String.format(Locale.ROOT, "Method and settings chosen by %d-fold cross-validation inside the training "
                + "photos (photos sorted by sha1, the i-th in fold i mod %d; each fold's photos shaped by a fit on "
                + "the other folds' photos and edits and queried against the fold's originals; counts summed over the "
                + "folds). Admissible: at most 15%% unrelated pairs >= 0.5 and raw recall@1 >= 95%%; chosen: the most "
                + "near-duplicates first and >= 0.5, ties by the larger worst-case margin (the mean of the lowest 5%% "
                + "of the photos' out-of-fold margins, 6 of 118; rule fixed for hgshape5, before any fresh photo was "
                + "embedded), then the larger minimum margin, then the larger mean margin. %d settings compared (projection: "
                + "shrinkage alpha x directions x scale x layout x fitted on the four edits alone or also on three "
                + "gray training augmentations, the other edits followed by gray x leading directions of colour "
                + "change projected out first, %s, estimated from the fit's gray-minus-colour sample differences; the "
                + "first fit's per-feature standardisation x scale); the best 12, the best with and without the "
                + "augmentations for each number of colour directions removed and the best standardisation are "
                + "shown. The held-out photos play no part in the choice.%n%n", CrossValidationFolds.K,
                CrossValidationFolds.K, settings, java.util.Arrays.toString(ShapingCrossValidation.COLOUR_DIRECTIONS))
                + table.render() + "\n";
    }
}

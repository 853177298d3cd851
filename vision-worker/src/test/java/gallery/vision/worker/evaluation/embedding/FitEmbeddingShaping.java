package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.evaluation.embedding.HomeGalleryShaping;
import gallery.vision.worker.embeddings.HomeGalleryStandardisation;
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
 * Chooses and fits the shaping of the embedder's features for Home Gallery's code on the training photos
 * ({@link EvalSplit}) from the cached raw embeddings ({@code RawOutputs}): the input, the method and its settings are
 * chosen by {@value CrossValidationFolds#K}-fold cross-validation inside the training photos
 * ({@link ShapingCrossValidation}, all inputs' rows ranked by one order), then the chosen one is fitted on all
 * training photos and their edits, written as the resource the service ships ({@link HomeGalleryShaping}'s
 * {@code <model>.shaping.tsv} for a projection, {@code HomeGalleryStandardisation}'s
 * {@code <model>.standardisation.tsv} for a standardisation, any colour weight folded in), and measured once, with
 * each input's best row and best projection, on the held-out photos (and, for reference, the training photos) before
 * (raw features) and after ({@link ShapingEvaluation}).
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.embedding.FitEmbeddingShaping \
 *     -Deval.args="--report docs/evaluation/embedding-shaping.md"
 * </pre>
 * Options: {@code --cache DIR}, {@code --shaping PATH} and {@code --standardisation PATH} (where the chosen
 * parameters go; default: the resources beside the service's embeddings package), {@code --report PATH} (relative
 * paths against the repository root), {@code --first-photos N} (also report the held-out photos among the first N of
 * photos.tsv and those added after them, each part queried among itself), {@code --previous PATH[,PATH...]
 * --previous-name NAME[,NAME...] --previous-input INPUT[,INPUT...]} (also measure projection parameters shipped
 * before, e.g. from {@code git show}, on the same photos, each on the named input), {@code --fresh PATH[,PATH...]}
 * (manifests of fresh photos, e.g. {@code tools/eval-photos/fresh-photos.tsv}, whose raw outputs are in the cache:
 * also report them, each manifest's photos queried among themselves and named by the manifest,
 * {@code fresh-photos.tsv} as {@code fresh}; they play no part in the choice or the fit), {@code --colour-cache DIR}
 * (then {@code --cache} holds the raw outputs of gray input and this one those of colour input, the same photos: the
 * inputs "colour" and "gray" are both cross-validated), {@code --duo-weights W[,W...]} (with {@code --colour-cache}:
 * also the duo features {@code [W * colour, gray]} for each weight, named "duo" for 1).
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
        Map<String, Input> inputs = inputs(paths, cache);

        List<ShapingCrossValidation.Row> cv = new ArrayList<>();
        for (Input input : inputs.values()) {
            cv.addAll(ShapingCrossValidation.run(input.name(), input.cache(), training,
                    CrossValidationFolds.assign(trainingPhotos, CrossValidationFolds.K), CrossValidationFolds.K, edits,
                    augmentations));
        }
        List<ShapingCrossValidation.Row> ranked = cv.stream().sorted(ShapingCrossValidation.order()).toList();
        ShapingCrossValidation.Row winner = ranked.get(0);
        // each input's best row, and each input's best projection (for comparison: the shipped shaping since hgshape2)
        Map<String, ShapingCrossValidation.Row> bestOfInput = new LinkedHashMap<>();
        Map<String, ShapingCrossValidation.Row> bestProjectionOfInput = new LinkedHashMap<>();
        for (ShapingCrossValidation.Row r : ranked) {
            bestOfInput.putIfAbsent(r.input(), r);
            if (r.setting().method().equals("projection")) {
                bestProjectionOfInput.putIfAbsent(r.input(), r);
            }
        }
        ShapingCrossValidation.Row projectionWinner = ranked.stream()
                .filter(r -> r.setting().method().equals("projection")).findFirst().orElseThrow();
        Map<ShapingCrossValidation.Row, EmbeddingTransform> fits = new LinkedHashMap<>();
        ProjectionFit.Projection projection = null;
        for (ShapingCrossValidation.Row best : concat(bestOfInput.values(), bestProjectionOfInput.values())) {
            if (fits.containsKey(best)) {
                continue;
            }
            ShapingCrossValidation.Setting s = best.setting();
            RawEmbeddings features = inputs.get(best.input()).cache();
            if (s.method().equals("projection")) {
                ProjectionFit.Projection p = ProjectionFit.fit(ProjectionFit.withoutColour(ProjectionFit.components(
                        features, training, ShapingCrossValidation.fitEdits(edits, augmentations, s.augmented())),
                        s.colourRemoved()), s.alpha());
                fits.put(best, p.shaping(s.k(), s.scale(), s.layout()));
                if (best == winner) {
                    projection = p;
                }
            } else {
                fits.put(best, StandardisationFit.of(StandardisationFit.meanAndDivisor(features, training),
                        s.scale()));
            }
        }
        Input chosenInput = inputs.get(winner.input());
        String fitted = "# Fitted " + LocalDate.now() + " by FitEmbeddingShaping (evaluation harness, "
                + "docs/model-choice.md) on " + training.size() + " training photos of tools/eval-photos and their "
                + "edits; chosen by " + CrossValidationFolds.K + "-fold cross-validation on them: " + winner.label()
                + ".";
        List<String> file = new ArrayList<>();
        EmbeddingTransform shipped;
        Path written;
        String resources = "vision-worker/src/main/resources/gallery/vision/worker/embeddings/" + cache.model();
        if (winner.setting().method().equals("projection")) {
            written = repo.resolve(paths.option("shaping", resources + ".shaping.tsv"));
            file.add("# Home Gallery shaping of " + cache.model() + ": layout, then per feature its mean and its "
                    + winner.setting().k() + " projection weights (scale " + winner.setting().scale()
                    + " included).");
            file.add(fitted);
            if (!winner.input().isEmpty()) {
                file.add("# Input: " + chosenInput.description() + ".");
            }
            file.addAll(projectionLines(projection, winner.setting(), chosenInput));
            shipped = HomeGalleryShaping.parse(written.toString(), file);
        } else {
            written = repo.resolve(paths.option("standardisation", resources + ".standardisation.tsv"));
            file.add("# Home Gallery standardisation of " + cache.model() + ": per feature its mean and its divisor "
                    + "(scale " + winner.setting().scale() + " included).");
            file.add(fitted);
            if (!winner.input().isEmpty()) {
                file.add("# Input: " + chosenInput.description() + ".");
            }
            float[][] stats = StandardisationFit.meanAndDivisor(chosenInput.cache(), training);
            for (int i = 0; i < stats[0].length; i++) {
                // a duo fit's colour weight w folded in: (w c - m) / d = (c - m / w) / (d / w)
                float w = i < chosenInput.colourLength() ? chosenInput.colourWeight() : 1f;
                file.add(stats[0][i] / w + "\t" + (float) (stats[1][i] / winner.setting().scale() / w));
            }
            shipped = HomeGalleryStandardisation.parse(written.toString(), file);
        }
        Files.write(written, file);
        float[] asFitted = fits.get(winner).apply(chosenInput.cache().get(training.get(0), RawEmbeddings.ORIGINAL));
        float[] asShipped = shipped.apply(chosenInput.unweighted().get(training.get(0), RawEmbeddings.ORIGINAL));
        double worst = 0;
        for (int i = 0; i < asFitted.length; i++) {
            worst = Math.max(worst, Math.abs(asFitted[i] - asShipped[i]));
        }
        System.out.printf(Locale.ROOT, "shaping: written parameters (colour weight folded in) differ from the fit by "
                + "at most %.2g on %s%n", worst, training.get(0));

        StringBuilder report = new StringBuilder("# Embeddings shaped for Home Gallery's similarity: " + cache.model()
                + "\n\n");
        report.append(String.format(Locale.ROOT, "Fitted on %d training photos and their edits; held out: %d photos "
                + "(sha1 starting 0-5). Near-duplicates: %s. Training augmentations (fit only, never measured): %s. Similarity: Home Gallery's own code and cosine (threshold "
                + "0.5), reimplemented in `HomeGallerySimilarity`.%n%n", training.size(), heldOut.size(),
                String.join(", ", edits), String.join(", ", augmentations)));
        if (inputs.size() > 1) {
            report.append("Inputs compared: ");
            report.append(String.join("; ", inputs.values().stream().map(i -> "**" + i.name() + "**: "
                    + i.description()).toList())).append(".\n\n");
        }
        report.append(crossValidation(ranked, cv.size(), bestOfInput, bestProjectionOfInput));
        report.append("Chosen (ranked first): ").append(winner.label()).append(" (its parameters written to ")
                .append(written.getFileName()).append("); the best projection: ").append(projectionWinner.label())
                .append(". Each "
                + "input's best row and best projection fitted on all training photos and evaluated once on the "
                + "held-out and fresh photos:\n\n");
        MarkdownTable table = new MarkdownTable("photos", "embedding", "values", "near-duplicates first and >= 0.5",
                "unrelated pairs >= 0.5", "margin: mean", "margin: min", "photos with margin <= 0",
                "raw recall@1");
        List<String> failures = new ArrayList<>();
        List<Measured> measured = new ArrayList<>();
        for (Input input : inputs.values()) {
            if (input.colourLength() == 0) {
                measured.add(new Measured("raw features" + input.suffix(), "raw" + input.suffix() + ": ",
                        input.cache(), EmbeddingTransform.NONE));
            }
        }
        if (paths.options().containsKey("previous")) {
            String[] previous = paths.option("previous", "").split(",");
            String[] names = paths.option("previous-name", "previous").split(",");
            String[] kinds = paths.option("previous-input", winner.input()).split(",");
            for (int i = 0; i < previous.length; i++) {
                Input input = inputs.get(kinds[i]);
                String name = names[i] + input.suffix();
                Path path = Path.of(previous[i]);
                measured.add(new Measured("shaped, " + name, name + ": ", input.unweighted(),
                        HomeGalleryShaping.parse(path.toString(), Files.readAllLines(path))));
            }
        }
        for (Map.Entry<ShapingCrossValidation.Row, EmbeddingTransform> fit : fits.entrySet()) {
            ShapingCrossValidation.Row r = fit.getKey();
            Input input = inputs.get(r.input());
            String name = (r.setting().method().equals("projection") ? "shaped" : "standardised") + input.suffix()
                    + (r == winner ? " (ranked first)" : bestOfInput.get(r.input()) == r ? " (its input's best)"
                    : " (its input's best projection)");
            measured.add(new Measured(name, name + ": ", input.cache(), fit.getValue()));
        }
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
        System.out.println("shaping: parameters written to " + written + ", report to " + reportPath);
    }

    /** The shaping file's lines after the comments: layout, then per feature its mean and its weights. */
    private static List<String> projectionLines(ProjectionFit.Projection projection,
                                                ShapingCrossValidation.Setting chosen, Input input) {
        List<String> lines = new ArrayList<>(List.of("layout\t" + chosen.layout().name().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < projection.mean().length; i++) {
            // a duo fit's colour weight w folded in: A (w c - m) = (w A) (c - m / w) on the unweighted features
            float w = i < input.colourLength() ? input.colourWeight() : 1f;
            StringBuilder line = new StringBuilder(Float.toString(projection.mean()[i] / w));
            for (int j = 0; j < chosen.k(); j++) {
                line.append('\t').append(String.format(Locale.ROOT, "%.6g",
                        projection.directions()[j][i] * chosen.scale() * w));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static <T> List<T> concat(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The raw features compared: the {@code --cache} alone (named ""), or with {@code --colour-cache} colour input,
     * gray input ({@code --cache}) and, for each weight of {@code --duo-weights} (e.g. {@code 1,0.5}), the duo features
     * {@code [w * colour, gray]}.
     */
    private static Map<String, Input> inputs(EvalPaths paths, RawEmbeddings cache) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        if (!paths.options().containsKey("colour-cache")) {
            inputs.put("", new Input("", "as cached", cache, cache, 0, 1f));
            return inputs;
        }
        RawEmbeddings colour = RawEmbeddings.read(Path.of(paths.option("colour-cache", "")).resolve("embeddings.bin"));
        inputs.put("colour", new Input("colour", "the network's features of the colour image", colour, colour, 0, 1f));
        inputs.put("gray", new Input("gray", "the network's features of the image turned gray (GrayInput)", cache,
                cache, 0, 1f));
        if (paths.options().containsKey("duo-weights")) {
            int length = colour.length();
            RawEmbeddings unweighted = RawEmbeddings.joined(colour, 1f, cache);
            for (String weight : paths.option("duo-weights", "").split(",")) {
                float w = Float.parseFloat(weight);
                String name = w == 1f ? "duo" : "duo, colour x " + weight;
                inputs.put(name, new Input(name, "the colour image's features" + (w == 1f ? "" : " times " + weight)
                        + ", then the gray image's (" + 2 * length + " values, two network runs)",
                        w == 1f ? unweighted : RawEmbeddings.joined(colour, w, cache), unweighted, length, w));
            }
        }
        return inputs;
    }

    /**
     * Raw features a shaping is chosen and fitted on: {@code cache} as fitted (for duo features the colour block
     * times {@code colourWeight}, the first {@code colourLength} values; 0 for a single network input) and
     * {@code unweighted}, the same without the weight (what the service computes).
     */
    private record Input(String name, String description, RawEmbeddings cache, RawEmbeddings unweighted,
                         int colourLength, float colourWeight) {

        String suffix() {
            return name.isEmpty() ? "" : ", " + name + " input";
        }
    }

    /** One embedding measured in the report: its name, the prefix of its failures, its raw outputs and transform. */
    private record Measured(String name, String label, RawEmbeddings cache, EmbeddingTransform transform) {
    }

    private static String crossValidation(List<ShapingCrossValidation.Row> ranked, int settings,
                                          Map<String, ShapingCrossValidation.Row> bestOfInput,
                                          Map<String, ShapingCrossValidation.Row> bestProjectionOfInput) {
        MarkdownTable table = new MarkdownTable("rank", "input, setting", "near-duplicates first and >= 0.5",
                "unrelated pairs >= 0.5", "margin: worst 5%", "margin: min", "margin: mean", "raw recall@1");
        java.util.Set<ShapingCrossValidation.Row> shown = new java.util.LinkedHashSet<>(bestOfInput.values());
        Map<String, ShapingCrossValidation.Row> bestUnderTarget = new LinkedHashMap<>();
        ranked.stream().sorted(ShapingCrossValidation.order(ShapingCrossValidation.TARGET_UNRELATED))
                .forEach(r -> bestUnderTarget.putIfAbsent(r.input(), r));
        shown.addAll(bestUnderTarget.values());
        shown.addAll(bestProjectionOfInput.values());
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            ShapingCrossValidation.Row r = ranked.get(i);
            ShapingCrossValidation.Setting s = r.setting();
            boolean firstOfGroup = groups.add(r.input() + "/" + s.method() + "/" + s.augmented() + "/"
                    + s.colourRemoved());
            if (i < 12 || shown.contains(r) || (bestOfInput.size() == 1 && firstOfGroup)) {
                String note = bestOfInput.get(r.input()) == r ? " (best of its input)" : "";
                note += bestProjectionOfInput.get(r.input()) == r && bestOfInput.get(r.input()) != r
                        ? " (best projection of its input)" : "";
                note += bestUnderTarget.get(r.input()) == r ? " (best of its input with the earlier 15% bound)" : "";
                table.row(i + 1, r.label() + note, String.format(Locale.ROOT, "%d/%d", r.passed(), r.queries()),
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
                + "folds). Admissible: at most %.0f%% unrelated pairs >= 0.5 (a third of the 15%% target; rule fixed "
                + "before the duo experiment, 15%% until then) and raw recall@1 >= 95%%; chosen: the most "
                + "near-duplicates first and >= 0.5, ties by the larger worst-case margin (the mean of the lowest 5%% "
                + "of the photos' out-of-fold margins, 6 of 118; rule fixed for hgshape5, before any fresh photo was "
                + "embedded), then the larger minimum margin, then the larger mean margin; all inputs' rows ranked "
                + "together. %d settings compared (per input: projection: "
                + "shrinkage alpha x directions x scale x layout x fitted on the four edits alone or also on three "
                + "gray training augmentations, the other edits followed by gray x leading directions of colour "
                + "change projected out first, %s, estimated from the fit's gray-minus-colour sample differences; the "
                + "first fit's per-feature standardisation x scale); the best 12, each input's best, its best "
                + "projection and its best under the earlier 15%% bound are shown. The held-out photos play no part in the choice.%n%n",
                CrossValidationFolds.K, CrossValidationFolds.K, 100 * ShapingCrossValidation.MAX_UNRELATED, settings,
                java.util.Arrays.toString(ShapingCrossValidation.COLOUR_DIRECTIONS))
                + table.render() + "\n";
    }
}

package gallery.vision.worker.evaluation.report;

import gallery.vision.worker.evaluation.EvaluationCandidates.Candidate;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation;
import gallery.vision.worker.evaluation.embedding.EmbeddingEvaluation;
import gallery.vision.worker.evaluation.embedding.HomeGalleryCode;
import gallery.vision.worker.evaluation.embedding.SameKindRanking;
import gallery.vision.worker.evaluation.embedding.ValueHistogram;

import java.util.Locale;
import java.util.Map;

/** Writes the evaluation results as Markdown sections. Not thread-safe. */
public final class EvaluationReport {

    private static final int MAX_MISSES_LISTED = 40;

    private final StringBuilder out = new StringBuilder();

    public EvaluationReport heading(String title, String intro) {
        out.append("# ").append(title).append("\n\n").append(intro).append("\n\n");
        return this;
    }

    public EvaluationReport embeddings(Candidate<?> candidate, EmbeddingEvaluation.Result result, int photos) {
        out.append("## Embeddings: ").append(candidate.name()).append(' ').append(candidate.version()).append("\n\n");
        out.append(String.format(Locale.ROOT, "%d photos, %d dimensions, %.1f ms per embedding (mean, this machine)."
                + "%n%n", photos, result.dimensions(), result.meanMillis()));
        MarkdownTable recall = new MarkdownTable("query", "recall@1 cosine", "recall@1 2-bit codes");
        result.recalls().forEach(r -> recall.row(r.transform(), pct(r.raw()), pct(r.codes())));
        recall.row("**all**", pct(result.overallRaw()), pct(result.overallCodes()));
        out.append(recall.render()).append('\n');
        histogram(result.histogram());
        MarkdownTable kinds = new MarkdownTable("kind (tag)", "photos", "chance", "mean rank of same kind",
                "R-precision", "mean rank, 2-bit codes", "R-precision, 2-bit codes");
        for (int i = 0; i < result.kinds().size(); i++) {
            SameKindRanking.KindResult kind = result.kinds().get(i);
            SameKindRanking.KindResult onCodes = result.kindsOnCodes().get(i);
            if (!onCodes.kind().equals(kind.kind())) {
                throw new IllegalStateException("same-kind tables out of step: " + kind.kind() + " / " + onCodes.kind());
            }
            kinds.row(kind.kind(), kind.photos(), fmt(kind.chanceRank()), fmt(kind.meanRank()),
                    pct(kind.precisionAtK()), fmt(onCodes.meanRank()), pct(onCodes.precisionAtK()));
        }
        out.append("Same-kind ranking (each original ranks all others by cosine, of the raw values and of the codes):\n\n")
                .append(kinds.render()).append('\n');
        if (!result.misses().isEmpty()) {
            MarkdownTable misses = new MarkdownTable("photo", "query", "nearest original", "on");
            result.misses().stream().limit(MAX_MISSES_LISTED).forEach(m ->
                    misses.row(m.photo(), m.transform(), m.matched(), m.codes() ? "2-bit codes" : "cosine"));
            out.append("Misses (").append(result.misses().size()).append(", first ")
                    .append(Math.min(MAX_MISSES_LISTED, result.misses().size())).append(" listed):\n\n")
                    .append(misses.render()).append('\n');
        }
        return this;
    }

    private void histogram(ValueHistogram histogram) {
        out.append(String.format(Locale.ROOT, "Raw values of the originals: %d values, min %.4f, max %.4f; Home "
                + "Gallery clamps at %.3f.%n%n", histogram.total(), histogram.min(), histogram.max(),
                HomeGalleryCode.RANGE));
        MarkdownTable bins = new MarkdownTable("value range", "count", "share", "");
        for (ValueHistogram.Bin bin : histogram.bins()) {
            double share = histogram.total() == 0 ? 0 : (double) bin.count() / histogram.total();
            bins.row(range(bin), bin.count(), pct(share), "#".repeat((int) Math.round(share * 50)));
        }
        out.append(bins.render()).append('\n');
        long[] codes = histogram.codeCounts();
        long kept = codes[0] + codes[1] + codes[2] + codes[3];
        MarkdownTable codeTable = new MarkdownTable("2-bit code", "count", "share");
        for (int c = 0; c < 4; c++) {
            codeTable.row(c, codes[c], pct(kept == 0 ? 0 : (double) codes[c] / kept));
        }
        out.append("Codes of the kept values:\n\n").append(codeTable.render()).append('\n');
    }

    public EvaluationReport detection(Candidate<?> candidate, DetectionEvaluation.Result result, double iou) {
        out.append("## Objects: ").append(candidate.name()).append(' ').append(candidate.version()).append("\n\n");
        out.append(String.format(Locale.ROOT, "%d labelled photos, match by class and IoU >= %.2f, %.1f ms per image "
                + "(mean, this machine).%n%n", result.photos(), iou, result.meanMillis()));
        MarkdownTable table = new MarkdownTable("threshold", "labelled", "found", "share found", "false detections");
        counts(table, "score >= 0.3", result.atLeast03());
        counts(table, "score > 0.6", result.above06());
        out.append(table.render()).append('\n');
        MarkdownTable perClass = new MarkdownTable("class", "found >= 0.3", "found > 0.6", "labelled");
        for (Map.Entry<String, int[]> entry : result.atLeast03().perClass().entrySet()) {
            int[] high = result.above06().perClass().getOrDefault(entry.getKey(), new int[2]);
            perClass.row(entry.getKey(), entry.getValue()[0], high[0], entry.getValue()[1]);
        }
        out.append(perClass.render()).append('\n');
        return this;
    }

    private static void counts(MarkdownTable table, String threshold, DetectionEvaluation.Counts counts) {
        table.row(threshold, counts.labelled(), counts.found(),
                pct(counts.labelled() == 0 ? 0 : (double) counts.found() / counts.labelled()), counts.falseDetections());
    }

    public EvaluationReport paragraph(String text) {
        out.append(text).append("\n\n");
        return this;
    }

    public String markdown() {
        return out.toString();
    }

    private static String range(ValueHistogram.Bin bin) {
        if (Double.isInfinite(bin.from())) {
            return "< 0";
        }
        if (Double.isInfinite(bin.to())) {
            return String.format(Locale.ROOT, ">= %.3f", bin.from());
        }
        return String.format(Locale.ROOT, "[%.3f, %.3f)", bin.from(), bin.to());
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

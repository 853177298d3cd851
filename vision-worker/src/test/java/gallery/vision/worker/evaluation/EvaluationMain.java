package gallery.vision.worker.evaluation;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.evaluation.EvaluationCandidates.Candidate;
import gallery.vision.worker.evaluation.detection.DetectionEvaluation;
import gallery.vision.worker.evaluation.detection.LabelledPhoto;
import gallery.vision.worker.evaluation.detection.ObjectLabels;
import gallery.vision.worker.evaluation.embedding.EmbeddingEvaluation;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.PhotoLoader;
import gallery.vision.worker.evaluation.photos.PhotoManifest;
import gallery.vision.worker.evaluation.report.EvaluationReport;
import gallery.vision.worker.evaluation.transform.NearDuplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the embedding and object evaluations over the photos {@code tools/eval-photos/fetch.sh} fetched, for every
 * candidate the {@link EvaluationCandidates} providers on the classpath contribute, and writes a Markdown report.
 *
 * <pre>
 * --report PATH        where to write the report (required)
 * --photos DIR         fetched photos (default ~/.cache/gallery-vision/eval-photos/photos)
 * --repo DIR           repository root holding tools/eval-photos (default: found upwards from the working directory)
 * --only embeddings|objects   run one part
 * --candidates a,b     only candidates with these names
 * --max-side N         longer side of the images the networks get (default 800, like Home Gallery's previews)
 * --iou X              IoU needed to match a detection to a label (default 0.5)
 * </pre>
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path report = Path.of(required(options, "report"));
        Path repo = options.containsKey("repo") ? Path.of(options.get("repo")) : findRepo();
        Path tools = repo.resolve("tools/eval-photos");
        Path photosDir = Path.of(options.getOrDefault("photos",
                System.getProperty("user.home") + "/.cache/gallery-vision/eval-photos/photos"));
        int maxSide = Integer.parseInt(options.getOrDefault("max-side", "800"));
        double iou = Double.parseDouble(options.getOrDefault("iou", "0.5"));
        String only = options.getOrDefault("only", "all");
        Predicate<String> wanted = nameFilter(options.get("candidates"));

        List<EvalPhoto> photos = PhotoManifest.read(tools.resolve("photos.tsv"), photosDir);
        List<String> missing = photos.stream().filter(p -> !Files.isRegularFile(p.file())).map(EvalPhoto::id).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " photos are missing in " + photosDir
                    + " (run tools/eval-photos/fetch.sh): " + missing);
        }
        List<Candidate<EmbeddingFunction>> embedders = new ArrayList<>();
        List<Candidate<ObjectDetector>> detectors = new ArrayList<>();
        for (EvaluationCandidates provider : ServiceLoader.load(EvaluationCandidates.class)) {
            provider.embeddings().stream().filter(c -> wanted.test(c.name())).forEach(embedders::add);
            provider.detectors().stream().filter(c -> wanted.test(c.name())).forEach(detectors::add);
        }
        PhotoLoader loader = new PhotoLoader(maxSide);
        EvaluationReport out = new EvaluationReport().heading("Gallery Vision model evaluation",
                "Generated " + Instant.now() + " by `EvaluationMain` from `tools/eval-photos` (" + photos.size()
                        + " photos, images shrunk to at most " + maxSide + " px). See tools/eval-photos/README.md "
                        + "for what the numbers mean.");
        if (!only.equals("objects")) {
            runEmbeddings(out, embedders, photos, loader);
        }
        if (!only.equals("embeddings")) {
            runDetection(out, detectors, photos, loader, tools, iou);
        }
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, out.markdown());
        System.out.println("evaluation: report written to " + report.toAbsolutePath());
    }

    private static void runEmbeddings(EvaluationReport out, List<Candidate<EmbeddingFunction>> candidates,
                                      List<EvalPhoto> photos, PhotoLoader loader) {
        if (candidates.isEmpty()) {
            out.paragraph("No embedding candidates on the classpath.");
            return;
        }
        EmbeddingEvaluation evaluation = new EmbeddingEvaluation(NearDuplicates.transforms());
        List<String> ids = photos.stream().map(EvalPhoto::id).toList();
        List<List<String>> tags = photos.stream().map(EvalPhoto::tags).toList();
        for (Candidate<EmbeddingFunction> candidate : candidates) {
            System.out.println("evaluation: embeddings of " + candidate.name());
            EmbeddingEvaluation.Result result = evaluation.run(candidate.function(), ids, tags,
                    i -> loader.load(photos.get(i)));
            out.embeddings(candidate, result, photos.size());
        }
    }

    private static void runDetection(EvaluationReport out, List<Candidate<ObjectDetector>> candidates,
                                     List<EvalPhoto> photos, PhotoLoader loader, Path tools, double iou)
            throws IOException {
        Set<String> coco = Files.readAllLines(tools.resolve("coco-classes.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t")[1]).collect(Collectors.toCollection(LinkedHashSet::new));
        ObjectLabels labels = ObjectLabels.read(tools.resolve("object-labels.json"), coco);
        if (candidates.isEmpty()) {
            out.paragraph("No detector candidates on the classpath (" + labels.photos().size()
                    + " labelled photos are ready).");
            return;
        }
        Map<String, EvalPhoto> byId = new HashMap<>();
        photos.forEach(p -> byId.put(p.id(), p));
        for (Candidate<ObjectDetector> candidate : candidates) {
            System.out.println("evaluation: objects of " + candidate.name());
            DetectionEvaluation.Result result = new DetectionEvaluation(iou).run(candidate.function(),
                    labels.photos(), (LabelledPhoto labelled) -> load(loader, byId, labelled));
            out.detection(candidate, result, iou);
        }
    }

    private static RgbImage load(PhotoLoader loader, Map<String, EvalPhoto> byId, LabelledPhoto labelled) {
        EvalPhoto photo = byId.get(labelled.id());
        if (photo == null) {
            throw new IllegalStateException("labelled photo " + labelled.id() + " is not in photos.tsv");
        }
        return loader.load(photo);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Predicate<String> nameFilter(String names) {
        if (names == null || names.isBlank()) {
            return name -> true;
        }
        Set<String> set = Set.of(names.split(","));
        return set::contains;
    }

    private static Path findRepo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/eval-photos/photos.tsv"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no tools/eval-photos/photos.tsv above " + Path.of("").toAbsolutePath()
                + "; pass --repo");
    }
}

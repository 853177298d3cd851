package gallery.vision.worker.evaluation.cache;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.GrayInput;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.evaluation.networks.EvalModels;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.EvalSplit;
import gallery.vision.worker.evaluation.photos.PhotoLoader;
import gallery.vision.worker.evaluation.photos.PhotoManifest;
import gallery.vision.worker.evaluation.transform.ImageTransform;
import gallery.vision.worker.evaluation.transform.NearDuplicates;
import gallery.vision.worker.objects.DetectedObject;
import gallery.vision.worker.objects.ObjectAnalyzer;
import gallery.vision.worker.objects.ObjectsConfiguration;
import gallery.vision.worker.objects.ScoreCalibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs the service's detector and embedder once over every photo of {@code photos.tsv} (the 800 px preview, and for
 * the embedder also each near-duplicate edit of {@link NearDuplicates#homeGallery()}) and caches the raw outputs, so that the
 * calibration and the embedding transform are fitted and evaluated without running a network again:
 * {@code <cache>/detections.json} ({@link RawDetections}) and {@code <cache>/embeddings.bin} ({@link RawEmbeddings}).
 *
 * <pre>
 * mvn -pl vision-worker -am -DskipTests -Pevaluation test \
 *     -Deval.main=gallery.vision.worker.evaluation.cache.RawOutputs -Deval.args="--cache DIR"
 * </pre>
 * Options: {@code --cache DIR} (default {@value EvalPaths#DEFAULT_OUTPUTS} under the home directory),
 * {@code --photos DIR}, {@code --photos-manifest NAME} (a manifest in tools/eval-photos other than photos.tsv, e.g.
 * {@code fresh-photos.tsv}, the unlabelled fresh photos: use it with {@code --only embeddings --new-only true} and a
 * cache that already holds the other photos), {@code --only objects|embeddings|augmentations} (augmentations: adds the embeddings of
 * {@link NearDuplicates#trainingAugmentations()} of the training photos to an existing {@code embeddings.bin}),
 * {@code --new-only true} (photos added to photos.tsv: keeps the outputs already in the cache and runs the networks
 * only on photos that have none there, with {@code --only augmentations} only on training photos whose augmentations
 * are not all cached; the cached detections must come from the same model version, and should come from a run that
 * recorded rival scores, since cal5: entries made before read as rival 0), {@code --gray-input true} (the embedder
 * is fed every image, original, edit or augmentation, turned gray by the service's {@link GrayInput} first, as the
 * service's second input does since {@code duo-hgshape7}; without it the colour image, the first: use a cache of
 * its own for each; {@code FitEmbeddingShaping --colour-cache} joins the two into the duo features). The models come from {@link EvalModels}.
 */
public final class RawOutputs {

    private RawOutputs() {
    }

    public static void main(String[] args) throws IOException {
        EvalPaths paths = EvalPaths.parse(args);
        Files.createDirectories(paths.cache());
        List<EvalPhoto> photos = PhotoManifest.read(paths.tools().resolve(paths.option("photos-manifest",
                "photos.tsv")), paths.photos());
        PhotoLoader loader = new PhotoLoader(800);
        String only = paths.option("only", "all");
        boolean newOnly = Boolean.parseBoolean(paths.option("new-only", "false"));
        UnaryOperator<RgbImage> input = Boolean.parseBoolean(paths.option("gray-input", "false"))
                ? GrayInput::apply : UnaryOperator.identity();
        if (only.equals("augmentations")) {
            Path file = paths.cache().resolve("embeddings.bin");
            augmentations(photos, loader, RawEmbeddings.read(file), newOnly, input).write(file);
            System.out.println("raw outputs: augmentations added to " + file);
            return;
        }
        if (!only.equals("embeddings")) {
            Path file = paths.cache().resolve("detections.json");
            RawDetections cached = newOnly ? RawDetections.read(file) : null;
            detections(photos, loader, Boolean.parseBoolean(paths.option("flip", "false")), cached).write(file);
        }
        if (!only.equals("objects")) {
            Path file = paths.cache().resolve("embeddings.bin");
            embeddings(photos, loader, newOnly ? RawEmbeddings.read(file) : null, input).write(file);
        }
        System.out.println("raw outputs: written to " + paths.cache());
    }

    /** @param cached detections to keep (photos found there are not rerun), or null to run every photo */
    private static RawDetections detections(List<EvalPhoto> photos, PhotoLoader loader, boolean flip,
                                            RawDetections cached) {
        String name = ObjectsConfiguration.DETECTOR.name();
        String version = EvalModels.version(name);
        if (cached != null && !(cached.model().equals(name) && cached.version().equals(version))) {
            throw new IllegalStateException("cached detections are of " + cached.model() + " " + cached.version()
                    + ", not " + name + " " + version + ": rerun without --new-only");
        }
        Map<String, RawDetections.PhotoDetections> kept = cached == null ? Map.of() : cached.byId();
        List<RawDetections.PhotoDetections> out = new ArrayList<>();
        try (ObjectAnalyzer analyzer = new ObjectAnalyzer(EvalModels.load(name), ObjectsConfiguration.DETECTOR,
                ScoreCalibration.NONE, flip)) {
            for (EvalPhoto photo : photos) {
                if (kept.containsKey(photo.id())) {
                    out.add(kept.get(photo.id()));
                    continue;
                }
                RgbImage image = loader.load(photo);
                List<RawDetections.RawDetection> found = new ArrayList<>();
                for (DetectedObject d : analyzer.analyze(image)) {
                    found.add(new RawDetections.RawDetection(d.className(), d.rawScore(), d.bbox(), d.rivalScore()));
                }
                out.add(new RawDetections.PhotoDetections(photo.id(), image.width(), image.height(), found));
                System.out.println("raw outputs: objects of " + photo.id() + ": " + found.size());
            }
        }
        return new RawDetections(name, version, out);
    }

    /**
     * @param cached embeddings to keep (photos found there are not rerun), or null to run every photo
     * @param input  applied to every image before the embedder's own pre-processing (identity, or gray input)
     */
    private static RawEmbeddings embeddings(List<EvalPhoto> photos, PhotoLoader loader, RawEmbeddings cached,
                                            UnaryOperator<RgbImage> input) {
        String name = EmbeddingsConfiguration.EMBEDDER.name();
        if (cached != null && !cached.model().equals(name)) {
            throw new IllegalStateException("cached embeddings are of " + cached.model() + ", not " + name);
        }
        RawEmbeddings cache = cached == null ? new RawEmbeddings(name) : cached;
        List<ImageTransform> edits = NearDuplicates.homeGallery();
        try (EmbeddingAnalyzer analyzer = new EmbeddingAnalyzer(EvalModels.load(name),
                EmbeddingsConfiguration.EMBEDDER, List.of(input), EmbeddingTransform.NONE)) {
            for (EvalPhoto photo : photos) {
                if (cached != null && cached.has(photo.id())) {
                    continue;
                }
                RgbImage image = loader.load(photo);
                cache.put(photo.id(), RawEmbeddings.ORIGINAL, analyzer.analyze(image));
                for (ImageTransform edit : edits) {
                    cache.put(photo.id(), edit.name(), analyzer.analyze(edit.apply(image)));
                }
                System.out.println("raw outputs: embeddings of " + photo.id());
            }
        }
        return cache;
    }

    /**
     * Adds the embeddings of {@link NearDuplicates#trainingAugmentations()} of the training photos only.
     *
     * @param newOnly skip the training photos whose augmentations are all cached already
     * @param input   applied to every image before the embedder's own pre-processing
     */
    private static RawEmbeddings augmentations(List<EvalPhoto> photos, PhotoLoader loader, RawEmbeddings cache,
                                               boolean newOnly, UnaryOperator<RgbImage> input) {
        String name = EmbeddingsConfiguration.EMBEDDER.name();
        try (EmbeddingAnalyzer analyzer = new EmbeddingAnalyzer(EvalModels.load(name),
                EmbeddingsConfiguration.EMBEDDER, List.of(input), EmbeddingTransform.NONE)) {
            for (EvalPhoto photo : photos) {
                if (EvalSplit.of(photo) != EvalSplit.TRAINING || newOnly && NearDuplicates.trainingAugmentations()
                        .stream().allMatch(edit -> cache.has(photo.id(), edit.name()))) {
                    continue;
                }
                RgbImage image = loader.load(photo);
                for (ImageTransform edit : NearDuplicates.trainingAugmentations()) {
                    cache.put(photo.id(), edit.name(), analyzer.analyze(edit.apply(image)));
                }
                System.out.println("raw outputs: augmentations of " + photo.id());
            }
        }
        return cache;
    }
}

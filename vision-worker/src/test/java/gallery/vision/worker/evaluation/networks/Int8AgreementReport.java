package gallery.vision.worker.evaluation.networks;

import gallery.vision.common.image.RgbImage;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingModel;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.evaluation.detection.Box;
import gallery.vision.worker.evaluation.embedding.Cosine;
import gallery.vision.worker.evaluation.embedding.HomeGallerySimilarity;
import gallery.vision.worker.evaluation.photos.EvalPhoto;
import gallery.vision.worker.evaluation.photos.PhotoLoader;
import gallery.vision.worker.evaluation.photos.PhotoManifest;
import gallery.vision.worker.objects.CenterNetModel;
import gallery.vision.worker.objects.DetectedObject;
import gallery.vision.worker.objects.ObjectAnalyzer;
import gallery.vision.worker.objects.ScoreCalibration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

/**
 * Report (a plain main, not a test): how far the int8 {@code /objects} and {@code /embeddings} networks agree with
 * their float32 originals on the evaluation photos ({@code tools/eval-photos}, shrunk to 800 px): detection
 * agreement (a detection of one with score >= 0.3 matched by one of the other, same class, IoU >= 0.5; score
 * difference of matched pairs) and embeddings (cosine of int8 to fp32 of the same photo; recall@1 of an int8 query
 * among the fp32 embeddings of all photos), for the network's raw features of the photo and for the service's answers
 * ({@link EmbeddingsConfiguration#INPUTS} and {@link EmbeddingsConfiguration#TRANSFORM}), compared there by Home
 * Gallery's similarity of their 2-bit codes. Arguments: model dir (manifest with both precisions), photos dir,
 * photos.tsv, number of photos. Numbers go to {@code docs/int8.md}.
 */
public final class Int8AgreementReport {

    private static final double MIN_SCORE = 0.3;

    private Int8AgreementReport() {
    }

    public static void main(String[] args) {
        ModelFiles files = ModelFiles.fromDirectory(Path.of(args[0]));
        List<EvalPhoto> photos = PhotoManifest.read(Path.of(args[2]), Path.of(args[1]));
        photos = photos.subList(0, Math.min(photos.size(), Integer.parseInt(args[3])));
        PhotoLoader loader = new PhotoLoader(800);
        OnnxRuntimeProperties onnx = OnnxRuntimeProperties.withThreads(2);
        EmbeddingModel m = EmbeddingModel.NSFW_MOBILENET_V2;
        ModelFiles f32 = files.withPrecision(ModelPrecision.FP32), i8 = files.withPrecision(ModelPrecision.INT8);
        try (EmbeddingAnalyzer e32 = new EmbeddingAnalyzer(OnnxModels.load(f32.path(m.name()).orElseThrow(), onnx), m,
                EmbeddingTransform.NONE);
             EmbeddingAnalyzer e8 = new EmbeddingAnalyzer(OnnxModels.load(i8.path(m.name()).orElseThrow(), onnx), m,
                     EmbeddingTransform.NONE);
             EmbeddingAnalyzer s32 = shipped(f32, m, onnx);
             EmbeddingAnalyzer s8 = shipped(i8, m, onnx);
             ObjectAnalyzer o32 = new ObjectAnalyzer(OnnxModels.load(f32.path(CenterNetModel.NAME).orElseThrow(), onnx),
                     new CenterNetModel(), ScoreCalibration.NONE, false);
             ObjectAnalyzer o8 = new ObjectAnalyzer(OnnxModels.load(i8.path(CenterNetModel.NAME).orElseThrow(), onnx),
                     new CenterNetModel(), ScoreCalibration.NONE, false)) {
            List<float[]> fp32 = new ArrayList<>(), int8 = new ArrayList<>();
            List<String> answer32 = new ArrayList<>(), answer8 = new ArrayList<>();
            int n32 = 0, n8 = 0, found32 = 0, found8 = 0;
            double maxScoreDiff = 0, sumScoreDiff = 0;
            int pairs = 0;
            for (EvalPhoto p : photos) {
                RgbImage image = loader.load(p);
                fp32.add(e32.analyze(image));
                int8.add(e8.analyze(image));
                answer32.add(HomeGallerySimilarity.hash(s32.analyze(image)));
                answer8.add(HomeGallerySimilarity.hash(s8.analyze(image)));
                List<DetectedObject> a = kept(o32.analyze(image)), b = kept(o8.analyze(image));
                n32 += a.size();
                n8 += b.size();
                for (DetectedObject d : a) {
                    DetectedObject match = match(d, b);
                    if (match != null) {
                        found32++;
                        double diff = Math.abs(d.score() - match.score());
                        maxScoreDiff = Math.max(maxScoreDiff, diff);
                        sumScoreDiff += diff;
                        pairs++;
                    }
                }
                for (DetectedObject d : b) {
                    found8 += match(d, a) != null ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "photos %d%nobjects: fp32 detections (score >= %.1f) %d, found by int8 %d "
                            + "(%.1f%%); int8 detections %d, found by fp32 %d (%.1f%%); matched score diff max %.3f mean "
                            + "%.3f%n", photos.size(), MIN_SCORE, n32, found32, 100.0 * found32 / n32,
                    n8, found8, 100.0 * found8 / n8, maxScoreDiff, sumScoreDiff / Math.max(1, pairs));
            System.out.println("embeddings, raw features of the photo, cosine: "
                    + agreement(int8, fp32, Cosine::similarity));
            System.out.println("embeddings, the service's answers (" + EmbeddingsConfiguration.POST_PROCESSING_REVISION
                    + "), Home Gallery's similarity: " + agreement(answer8, answer32, HomeGallerySimilarity::similarity));
        }
    }

    private static EmbeddingAnalyzer shipped(ModelFiles files, EmbeddingModel m, OnnxRuntimeProperties onnx) {
        return new EmbeddingAnalyzer(OnnxModels.load(files.path(m.name()).orElseThrow(), onnx), m,
                EmbeddingsConfiguration.INPUTS, EmbeddingsConfiguration.TRANSFORM);
    }

    /**
     * How each int8 embedding compares with the fp32 one of the same photo (min and mean similarity, how many reach
     * Home Gallery's 0.5) and whether, queried among all fp32 embeddings, the same photo comes first.
     */
    private static <T> String agreement(List<T> int8, List<T> fp32, ToDoubleBiFunction<T, T> similarity) {
        double min = 1, sum = 0;
        int shown = 0, recall = 0;
        for (int i = 0; i < int8.size(); i++) {
            double own = similarity.applyAsDouble(int8.get(i), fp32.get(i));
            min = Math.min(min, own);
            sum += own;
            shown += HomeGallerySimilarity.shown(own) ? 1 : 0;
            boolean first = true;
            for (int j = 0; j < fp32.size() && first; j++) {
                first = j == i || similarity.applyAsDouble(int8.get(i), fp32.get(j)) < own;
            }
            recall += first ? 1 : 0;
        }
        return String.format(Locale.ROOT, "int8 vs fp32 of the same photo min %.4f mean %.4f, >= 0.5: %d/%d; "
                + "recall@1 of int8 queries among fp32 embeddings %d/%d", min, sum / int8.size(), shown, int8.size(),
                recall, int8.size());
    }

    private static List<DetectedObject> kept(List<DetectedObject> all) {
        return all.stream().filter(d -> d.score() >= MIN_SCORE).toList();
    }

    private static DetectedObject match(DetectedObject d, List<DetectedObject> others) {
        for (DetectedObject o : others) {
            if (o.className().equals(d.className()) && Box.of(o.bbox()).iou(Box.of(d.bbox())) >= 0.5) {
                return o;
            }
        }
        return null;
    }
}

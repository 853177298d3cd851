package gallery.vision.worker.evaluation.networks;

import gallery.vision.common.image.RgbImage;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingModel;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.evaluation.detection.Box;
import gallery.vision.worker.evaluation.embedding.Cosine;
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

/**
 * Report (a plain main, not a test): how far the int8 {@code /objects} and {@code /embeddings} networks agree with
 * their float32 originals on the evaluation photos ({@code tools/eval-photos}, shrunk to 800 px): detection
 * agreement (a detection of one with score >= 0.3 matched by one of the other, same class, IoU >= 0.5; score
 * difference of matched pairs) and embeddings (cosine of int8 to fp32 of the same photo; recall@1 of an int8 query
 * among the fp32 embeddings of all photos). Arguments: model dir (manifest with both precisions), photos dir,
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
             ObjectAnalyzer o32 = new ObjectAnalyzer(OnnxModels.load(f32.path(CenterNetModel.NAME).orElseThrow(), onnx),
                     new CenterNetModel(), ScoreCalibration.NONE, false);
             ObjectAnalyzer o8 = new ObjectAnalyzer(OnnxModels.load(i8.path(CenterNetModel.NAME).orElseThrow(), onnx),
                     new CenterNetModel(), ScoreCalibration.NONE, false)) {
            List<float[]> fp32 = new ArrayList<>(), int8 = new ArrayList<>();
            int n32 = 0, n8 = 0, found32 = 0, found8 = 0;
            double maxScoreDiff = 0, sumScoreDiff = 0;
            int pairs = 0;
            for (EvalPhoto p : photos) {
                RgbImage image = loader.load(p);
                fp32.add(e32.analyze(image));
                int8.add(e8.analyze(image));
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
            double minCos = 1, sumCos = 0;
            int recall = 0;
            for (int i = 0; i < photos.size(); i++) {
                double c = Cosine.similarity(int8.get(i), fp32.get(i));
                minCos = Math.min(minCos, c);
                sumCos += c;
                int best = 0;
                for (int j = 1; j < fp32.size(); j++) {
                    if (Cosine.similarity(int8.get(i), fp32.get(j)) > Cosine.similarity(int8.get(i), fp32.get(best))) {
                        best = j;
                    }
                }
                recall += best == i ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "photos %d%nobjects: fp32 detections (score >= %.1f) %d, found by int8 %d "
                            + "(%.1f%%); int8 detections %d, found by fp32 %d (%.1f%%); matched score diff max %.3f mean "
                            + "%.3f%nembeddings: cosine int8 vs fp32 min %.4f mean %.4f; recall@1 of int8 queries among "
                            + "fp32 embeddings %d/%d%n", photos.size(), MIN_SCORE, n32, found32, 100.0 * found32 / n32,
                    n8, found8, 100.0 * found8 / n8, maxScoreDiff, sumScoreDiff / Math.max(1, pairs), minCos,
                    sumCos / photos.size(), recall, photos.size());
        }
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

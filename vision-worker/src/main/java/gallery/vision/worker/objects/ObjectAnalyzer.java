package gallery.vision.worker.objects;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;

import java.util.List;
import java.util.Map;

/**
 * {@code /objects}: one COCO detector network, answered in coco-ssd's shape ({@link CocoSsdAnswer}) with calibrated
 * scores ({@link ScoreCalibration}; suppression and the 0.1 floor work on the raw scores, as the network's own).
 * With flip test-time augmentation the network also sees the image mirrored and its two outputs are averaged
 * ({@link MirrorAveraging}) before decoding: about twice the CPU time per image.
 *
 * <p>Thread-safe: the model's ONNX Runtime session is shared; every call creates its own predictors and closes them.
 * Owns the model: {@link #close()} releases its session.
 */
public final class ObjectAnalyzer implements Analyzer, AutoCloseable {

    private final Model model;
    private final DetectorModel detector;
    private final DetectorTranslator direct;
    private final DetectorTranslator mirrored;
    private final ScoreCalibration calibration;

    /**
     * @param calibration maps the network's scores to probabilities ({@link ScoreCalibration#NONE} keeps them); it
     *                    must have been fitted on scores of the same {@code flip} mode
     * @param flip        also run the mirrored image and average (the detector must support {@link DetectorModel#unmirror})
     */
    public ObjectAnalyzer(Model model, DetectorModel detector, ScoreCalibration calibration, boolean flip) {
        this.model = model;
        this.detector = detector;
        this.direct = new DetectorTranslator(detector, false);
        this.mirrored = flip ? new DetectorTranslator(detector, true) : null;
        this.calibration = calibration;
    }

    @Override
    public List<DetectedObject> analyze(RgbImage image) {
        try (Predictor<RgbImage, Map<String, float[]>> predictor = model.newPredictor(direct)) {
            Map<String, float[]> outputs = predictor.predict(image);
            if (mirrored != null) {
                try (Predictor<RgbImage, Map<String, float[]>> mirror = model.newPredictor(mirrored)) {
                    outputs = MirrorAveraging.average(outputs, mirror.predict(image));
                }
            }
            List<ScoredBox> boxes = detector.decode(outputs, CocoSsdAnswer.MIN_SCORE);
            return calibration.apply(CocoSsdAnswer.of(boxes, image.width(), image.height()));
        } catch (TranslateException e) {
            throw new IllegalStateException("object detector failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

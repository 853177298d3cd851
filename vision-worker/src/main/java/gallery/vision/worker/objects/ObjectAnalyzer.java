package gallery.vision.worker.objects;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;

import java.util.List;

/**
 * {@code /objects}: one COCO detector network, answered in coco-ssd's shape ({@link CocoSsdAnswer}) with calibrated
 * scores ({@link ScoreCalibration}; suppression and the 0.1 floor work on the raw scores, as the network's own).
 *
 * <p>Thread-safe: the model's ONNX Runtime session is shared; every call creates its own predictor and closes it.
 * Owns the model: {@link #close()} releases its session.
 */
public final class ObjectAnalyzer implements Analyzer, AutoCloseable {

    private final Model model;
    private final DetectorTranslator translator;
    private final ScoreCalibration calibration;

    /** @param calibration maps the network's scores to probabilities ({@link ScoreCalibration#NONE} keeps them) */
    public ObjectAnalyzer(Model model, DetectorModel detector, ScoreCalibration calibration) {
        this.model = model;
        this.translator = new DetectorTranslator(detector, CocoSsdAnswer.MIN_SCORE);
        this.calibration = calibration;
    }

    @Override
    public List<DetectedObject> analyze(RgbImage image) {
        try (Predictor<RgbImage, List<ScoredBox>> predictor = model.newPredictor(translator)) {
            return calibration.apply(CocoSsdAnswer.of(predictor.predict(image), image.width(), image.height()));
        } catch (TranslateException e) {
            throw new IllegalStateException("object detector failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

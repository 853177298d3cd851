package gallery.vision.worker.faces;

import ai.djl.inference.Predictor;
import ai.djl.Model;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.Analyzer;
import gallery.vision.worker.faces.answer.ExpressionsAnswer;
import gallery.vision.worker.faces.answer.FaceAnswer;
import gallery.vision.worker.faces.answer.FaceAnswers;
import gallery.vision.worker.faces.attributes.AgeGender;
import gallery.vision.worker.faces.attributes.AgeGenderNet;
import gallery.vision.worker.faces.attributes.ExpressionNet;
import gallery.vision.worker.faces.detect.DetectionOptions;
import gallery.vision.worker.faces.detect.FaceDetectorTranslator;
import gallery.vision.worker.faces.geometry.Detection;
import gallery.vision.worker.faces.geometry.Point;
import gallery.vision.worker.faces.image.FaceExtraction;
import gallery.vision.worker.faces.image.PixelRegion;
import gallery.vision.worker.faces.landmarks.FaceAlignment;
import gallery.vision.worker.faces.landmarks.FaceLandmarks68;
import gallery.vision.worker.faces.landmarks.LandmarkNet;
import gallery.vision.worker.faces.recognition.RecognitionNet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seed's face pipeline: {@code detectAllFaces(image, {minConfidence: 0.1, maxResults: 10}).withFaceLandmarks()
 * .withFaceExpressions().withFaceDescriptors().withAgeAndGender()}, each per-face network batched over all faces.
 *
 * <p>Which rectangle each net crops follows face-api: landmarks the detection box, expressions and age/gender the
 * aligned rect, the descriptor the dlib-aligned rect. A crop that is empty once clipped is dropped and later faces'
 * results move up, as in face-api (landmarks and descriptors: the trailing faces are dropped; expressions: the
 * trailing faces have none).
 *
 * <p>Thread-safe: the networks' sessions are shared; every call creates its own predictors and closes them.
 */
public final class FaceAnalyzer implements Analyzer {

    private final FaceNetworks networks;
    private final FaceDetectorTranslator detector = new FaceDetectorTranslator(DetectionOptions.SEED);
    private final FaceNetTranslator<float[]> landmarkNet = LandmarkNet.translator();
    private final FaceNetTranslator<ExpressionsAnswer> expressionNet = ExpressionNet.translator();
    private final FaceNetTranslator<float[]> recognitionNet = RecognitionNet.translator();
    private final FaceNetTranslator<AgeGender> ageGenderNet = AgeGenderNet.translator();

    public FaceAnalyzer(FaceNetworks networks) {
        this.networks = networks;
    }

    @Override
    public List<FaceAnswer> analyze(RgbImage image) {
        return networks.use(() -> analyzeWithOpenSessions(image));
    }

    private List<FaceAnswer> analyzeWithOpenSessions(RgbImage image) {
        List<Detection> detections = predict(networks.detector(), detector, image);
        List<LandmarkedFace> faces = withLandmarks(image, detections);
        List<ExpressionsAnswer> expressions = predict(networks.expression(), expressionNet,
                regions(image, faces, face -> FaceExtraction.region(image, face.alignedRect())));
        List<float[]> descriptors = predict(networks.recognition(), recognitionNet,
                regions(image, faces, face -> FaceExtraction.region(image, FaceAlignment.dlibRect(face.landmarks()))));
        List<LandmarkedFace> described = faces.subList(0, descriptors.size());
        List<AgeGender> ageGender = predict(networks.ageGender(), ageGenderNet,
                regions(image, described, face -> FaceExtraction.region(image, face.alignedRect())));
        if (ageGender.size() < described.size()) {
            throw new IllegalStateException("an aligned face crop is empty; face-api fails on such an image too");
        }
        List<FaceAnswer> answers = new ArrayList<>(described.size());
        for (int i = 0; i < described.size(); i++) {
            answers.add(FaceAnswers.of(described.get(i), i < expressions.size() ? expressions.get(i) : null,
                    descriptors.get(i), ageGender.get(i)));
        }
        return answers;
    }

    private List<LandmarkedFace> withLandmarks(RgbImage image, List<Detection> detections) {
        List<PixelRegion> crops = new ArrayList<>();
        for (Detection detection : detections) {
            FaceExtraction.region(image, detection).ifPresent(crops::add);
        }
        List<float[]> relative = predict(networks.landmarks(), landmarkNet, crops);
        List<LandmarkedFace> faces = new ArrayList<>(relative.size());
        for (int i = 0; i < relative.size(); i++) {
            Detection detection = detections.get(i);
            PixelRegion crop = crops.get(i);
            FaceLandmarks68 landmarks = FaceLandmarks68.place(relative.get(i), crop.width(), crop.height(),
                    new Point(detection.box().x(), detection.box().y()));
            faces.add(new LandmarkedFace(detection, landmarks, FaceAlignment.alignedRect(landmarks, detection)));
        }
        return faces;
    }

    private static List<PixelRegion> regions(RgbImage image, List<LandmarkedFace> faces,
                                             Function<LandmarkedFace, Optional<PixelRegion>> crop) {
        List<PixelRegion> regions = new ArrayList<>(faces.size());
        for (LandmarkedFace face : faces) {
            crop.apply(face).ifPresent(regions::add);
        }
        return regions;
    }

    private static <O> List<O> predict(Model model, FaceNetTranslator<O> translator,
                                       List<PixelRegion> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        return predict(model, (Translator<List<PixelRegion>, List<O>>) translator, faces);
    }

    private static <I, O> O predict(Model model, Translator<I, O> translator, I input) {
        try (Predictor<I, O> predictor = model.newPredictor(translator)) {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException("face network failed: " + e.getMessage(), e);
        }
    }
}

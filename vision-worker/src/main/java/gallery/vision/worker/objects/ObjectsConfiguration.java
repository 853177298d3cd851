package gallery.vision.worker.objects;

import gallery.vision.common.AnalysisKind;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.models.ConditionalOnInstalledModels;
import gallery.vision.worker.models.InstalledModels;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The object detector ({@link #DETECTOR}, chosen in docs/model-choice.md), installed only when its ONNX model is;
 * without it no {@link InstalledAnalyzer} for objects exists and {@code /objects} answers 503. The answer's
 * {@code model}/{@code version} are the manifest's name and version of the ONNX file. Imported by the worker core.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OnnxRuntimeProperties.class, ObjectsProperties.class})
public class ObjectsConfiguration {

    /** The detector the service runs. */
    public static final DetectorModel DETECTOR = new CenterNetModel();

    /**
     * Revision of the post-processing after the network without flip test-time augmentation (the shipped
     * {@link ScoreCalibration} table), appended to the manifest's version in answers
     * ({@code human-models-3.0.4-cal5}), so that answers computed with other scores are recomputed by a stale
     * re-index. Change it whenever the table changes.
     */
    public static final String POST_PROCESSING_REVISION = "cal5";

    /** The same with flip test-time augmentation ({@code OBJECTS_FLIP}; its own table): {@code ...-flip-cal5}. */
    public static final String FLIP_POST_PROCESSING_REVISION = "flip-cal5";

    /** The revision answers carry in the given mode. */
    public static String revision(boolean flip) {
        return flip ? FLIP_POST_PROCESSING_REVISION : POST_PROCESSING_REVISION;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnInstalledModels(CenterNetModel.NAME)
    ObjectAnalyzer objectAnalyzer(Environment environment, OnnxRuntimeProperties onnx, ObjectsProperties objects) {
        return new ObjectAnalyzer(OnnxModels.load(InstalledModels.require(environment, DETECTOR.name()).file(), onnx),
                DETECTOR, ScoreCalibration.forDetector(DETECTOR.name(), objects.flip()), objects.flip());
    }

    @Bean
    @ConditionalOnInstalledModels(CenterNetModel.NAME)
    InstalledAnalyzer installedObjectAnalyzer(Environment environment, ObjectAnalyzer analyzer,
                                              ObjectsProperties objects) {
        return new InstalledAnalyzer(AnalysisKind.OBJECTS, InstalledModels.require(environment, DETECTOR.name())
                .model().withRevision(revision(objects.flip())), analyzer);
    }
}

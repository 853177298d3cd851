package gallery.vision.worker.faces;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.djl.DjlPrivacy;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The face analyzer (face-api 1.7.15's networks on ONNX Runtime), installed only when its five models are; without
 * them no {@link InstalledAnalyzer} for faces exists and {@code /faces} answers 503. Imported by the worker core, so
 * both the worker application and the embedded ingress pick it up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnnxRuntimeProperties.class)
public class FacesConfiguration {

    /** The model of face answers: their cache key and their {@code model} and {@code version} fields. */
    public static final ModelRef MODEL = new ModelRef("face-api", "1.7.15");

    static {
        DjlPrivacy.ensure();
    }

    @Bean(destroyMethod = "close")
    @Conditional(FaceModelsInstalled.class)
    FaceNetworks faceNetworks(Environment environment, OnnxRuntimeProperties onnx) {
        FaceModelFiles files = InstalledFaceModels.find(environment)
                .orElseThrow(() -> new IllegalStateException("face models disappeared after start-up checks"));
        return FaceNetworks.load(files, onnx);
    }

    @Bean
    @Conditional(FaceModelsInstalled.class)
    InstalledAnalyzer faceAnalyzer(FaceNetworks networks) {
        return new InstalledAnalyzer(AnalysisKind.FACES, MODEL, new FaceAnalyzer(networks));
    }
}

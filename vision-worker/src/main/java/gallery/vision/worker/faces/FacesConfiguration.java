package gallery.vision.worker.faces;

import gallery.vision.common.AnalysisKind;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.models.ConditionalOnInstalledModels;
import gallery.vision.worker.models.InstalledModels;
import gallery.vision.worker.models.InstalledModels.InstalledModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The face analyzer (face-api's networks on ONNX Runtime), installed only when its five models are; without them no
 * {@link InstalledAnalyzer} for faces exists and {@code /faces} answers 503. Answers are stored under the face-api
 * package and version the manifest names ({@link FaceModelFiles#model}). Imported by the worker core, so both the
 * worker application and the embedded ingress pick it up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnnxRuntimeProperties.class)
public class FacesConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnInstalledModels({FaceModelFiles.DETECTOR, FaceModelFiles.LANDMARKS, FaceModelFiles.RECOGNITION,
            FaceModelFiles.AGE_GENDER, FaceModelFiles.EXPRESSION})
    FaceNetworks faceNetworks(Environment environment, OnnxRuntimeProperties onnx) {
        FaceModelFiles files = FaceModelFiles.find(name -> InstalledModels.find(environment, name)
                .map(InstalledModel::file))
                .orElseThrow(() -> new IllegalStateException("face models disappeared after start-up checks"));
        return FaceNetworks.load(files, onnx);
    }

    @Bean
    @ConditionalOnInstalledModels({FaceModelFiles.DETECTOR, FaceModelFiles.LANDMARKS, FaceModelFiles.RECOGNITION,
            FaceModelFiles.AGE_GENDER, FaceModelFiles.EXPRESSION})
    InstalledAnalyzer faceAnalyzer(Environment environment, FaceNetworks networks) {
        var entries = FaceModelFiles.NAMES.stream().map(name -> InstalledModels.require(environment, name).entry())
                .toList();
        return new InstalledAnalyzer(AnalysisKind.FACES, FaceModelFiles.model(entries), new FaceAnalyzer(networks));
    }
}

package gallery.vision.worker.embeddings;

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
 * The image embedder ({@link #EMBEDDER}, chosen in docs/model-choice.md), installed only when its ONNX model is;
 * without it no {@link InstalledAnalyzer} for embeddings exists and {@code /embeddings} answers 503. The answer's
 * {@code model}/{@code version} are the manifest's name and version of the ONNX file. Imported by the worker core.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnnxRuntimeProperties.class)
public class EmbeddingsConfiguration {

    /** The embedder the service runs. */
    public static final EmbeddingModel EMBEDDER = EmbeddingModel.NSFW_MOBILENET_V2;

    /** What the answer makes of the embedder's features. */
    public static final EmbeddingTransform TRANSFORM = HomeGalleryShaping.forEmbedder(EMBEDDER.name());

    /**
     * Revision of the post-processing after the network (the shipped {@link HomeGalleryShaping} parameters),
     * appended to the manifest's version in answers ({@code nsfwjs-4.4.0-hgshape1}), so that answers computed with
     * other values are recomputed by a stale re-index. Change it whenever the parameters change.
     */
    public static final String POST_PROCESSING_REVISION = "hgshape1";

    static {
        DjlPrivacy.ensure();
    }

    @Bean(destroyMethod = "close")
    @Conditional(ModelInstalled.class)
    EmbeddingAnalyzer embeddingAnalyzer(Environment environment, OnnxRuntimeProperties onnx) {
        return new EmbeddingAnalyzer(OnnxModels.load(installed(environment).file(), onnx), EMBEDDER,
                TRANSFORM);
    }

    @Bean
    @Conditional(ModelInstalled.class)
    InstalledAnalyzer installedEmbeddingAnalyzer(Environment environment, EmbeddingAnalyzer analyzer) {
        ModelRef model = installed(environment).model();
        return new InstalledAnalyzer(AnalysisKind.EMBEDDINGS,
                new ModelRef(model.name(), model.version() + "-" + POST_PROCESSING_REVISION), analyzer);
    }

    private static InstalledModel installed(Environment environment) {
        return InstalledModels.find(environment, EMBEDDER.name())
                .orElseThrow(() -> new IllegalStateException("embedding model disappeared after start-up checks"));
    }

    /** Matches when the embedder's ONNX file is installed. */
    static final class ModelInstalled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InstalledModels.find(context.getEnvironment(), EMBEDDER.name()).isPresent();
        }
    }
}

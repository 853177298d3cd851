package gallery.vision.worker.embeddings;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.djl.OnnxModels;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.models.ConditionalOnInstalledModels;
import gallery.vision.worker.models.InstalledModels;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.function.UnaryOperator;

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

    /**
     * What the embedder is fed: the decoded image turned gray ({@link GrayInput}, since {@code gray-hgshape6}), so that
     * a gray copy of a photo gets the same embedding as the photo (docs/model-choice.md, "Gray input").
     */
    public static final UnaryOperator<RgbImage> INPUT = GrayInput::apply;

    /** What the answer makes of the embedder's features. */
    public static final EmbeddingTransform TRANSFORM = HomeGalleryShaping.forEmbedder(EMBEDDER.name());

    /**
     * Revision of the processing around the network (the {@link #INPUT} step, {@code gray}, and the shipped
     * {@link HomeGalleryShaping} parameters), appended to the manifest's version in answers
     * ({@code nsfwjs-4.4.0-gray-hgshape6}), so that answers computed otherwise are recomputed by a stale re-index.
     * Change it whenever either changes.
     */
    public static final String POST_PROCESSING_REVISION = "gray-hgshape6";

    @Bean(destroyMethod = "close")
    @ConditionalOnInstalledModels(EmbeddingModel.NSFW_MOBILENET_V2_NAME)
    EmbeddingAnalyzer embeddingAnalyzer(Environment environment, OnnxRuntimeProperties onnx) {
        return new EmbeddingAnalyzer(OnnxModels.load(InstalledModels.require(environment, EMBEDDER.name()).file(), onnx),
                EMBEDDER, INPUT, TRANSFORM);
    }

    @Bean
    @ConditionalOnInstalledModels(EmbeddingModel.NSFW_MOBILENET_V2_NAME)
    InstalledAnalyzer installedEmbeddingAnalyzer(Environment environment, EmbeddingAnalyzer analyzer) {
        return new InstalledAnalyzer(AnalysisKind.EMBEDDINGS,
                InstalledModels.require(environment, EMBEDDER.name()).model().withRevision(POST_PROCESSING_REVISION),
                analyzer);
    }
}

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

import java.util.List;
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
     * What the embedder is fed, one network run each, features concatenated in this order ("duo", since
     * {@code duo-hgshape7}): the decoded image, then the same image turned gray ({@link GrayInput}), so that the
     * answer keeps colour where it tells photos apart while a gray copy of a photo shares half its features
     * (docs/model-choice.md, "Colour and gray input together").
     */
    public static final List<UnaryOperator<RgbImage>> INPUTS = List.of(UnaryOperator.identity(), GrayInput::apply);

    /** What the answer makes of the embedder's concatenated features: 3584 in, 7168 non-negative values out. */
    public static final EmbeddingTransform TRANSFORM = HomeGalleryStandardisation.forEmbedder(EMBEDDER.name());

    /**
     * Revision of the processing around the network (the {@link #INPUTS}, {@code duo}, and the shipped
     * {@link HomeGalleryStandardisation} parameters), appended to the manifest's version in answers
     * ({@code nsfwjs-4.4.0-duo-hgshape7}), so that answers computed otherwise are recomputed by a stale re-index.
     * Change it whenever either changes.
     */
    public static final String POST_PROCESSING_REVISION = "duo-hgshape7";

    @Bean(destroyMethod = "close")
    @ConditionalOnInstalledModels(EmbeddingModel.NSFW_MOBILENET_V2_NAME)
    EmbeddingAnalyzer embeddingAnalyzer(Environment environment, OnnxRuntimeProperties onnx) {
        return new EmbeddingAnalyzer(OnnxModels.load(InstalledModels.require(environment, EMBEDDER.name()).file(), onnx),
                EMBEDDER, INPUTS, TRANSFORM);
    }

    @Bean
    @ConditionalOnInstalledModels(EmbeddingModel.NSFW_MOBILENET_V2_NAME)
    InstalledAnalyzer installedEmbeddingAnalyzer(Environment environment, EmbeddingAnalyzer analyzer) {
        return new InstalledAnalyzer(AnalysisKind.EMBEDDINGS,
                InstalledModels.require(environment, EMBEDDER.name()).model().withRevision(POST_PROCESSING_REVISION),
                analyzer);
    }
}

package gallery.vision.worker.config;

import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.image.ImageConfiguration;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.FileBlobStore;
import gallery.vision.common.storage.FileStorageConfiguration;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.embeddings.EmbeddingsConfiguration;
import gallery.vision.worker.faces.FacesConfiguration;
import gallery.vision.worker.objects.ObjectsConfiguration;
import gallery.vision.worker.job.JobHandler;
import gallery.vision.worker.metrics.InferenceTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import gallery.vision.worker.models.ModelPrecisionProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * The analysis core shared by the worker application and the embedded (single-process) ingress: installed
 * analyzers (each model family's configuration is imported here), the decoder, the answer store and the job handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, ModelPrecisionProperties.class})
@Import({ImageConfiguration.class, FileStorageConfiguration.class, FacesConfiguration.class, ObjectsConfiguration.class, EmbeddingsConfiguration.class})
public class WorkerCoreConfiguration {

    /**
     * Each analyzer timed as {@code gallery_vision_inference_seconds} ({@link InferenceTimers}); without a meter
     * registry (a context without the actuator) the timers record nothing.
     */
    @Bean
    AnalyzerRegistry analyzerRegistry(ObjectProvider<InstalledAnalyzer> installed, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(CompositeMeterRegistry::new);
        return new AnalyzerRegistry(installed.orderedStream()
                .map(analyzer -> InferenceTimers.timed(analyzer, registry)).toList());
    }

    /**
     * The filesystem store of embedded mode; distributed mode provides an S3 store instead. Chosen by profile
     * rather than {@code @ConditionalOnMissingBean}, whose outcome in a scanned configuration depends on the order
     * the classes are found in.
     */
    @Bean
    @Profile(DeploymentProfiles.EMBEDDED)
    FileBlobStore fileBlobStore(StorageProperties storage) {
        return new FileBlobStore(storage.dataDir());
    }

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobHandler jobHandler(AnalyzerRegistry analyzers, BlobStore store, JsonMapper json, Clock clock) {
        return new JobHandler(analyzers, store, json, clock);
    }
}

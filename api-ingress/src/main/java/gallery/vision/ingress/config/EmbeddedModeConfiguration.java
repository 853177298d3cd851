package gallery.vision.ingress.config;

import gallery.vision.common.ApiError;
import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.ingress.analysis.AnalysisService;
import gallery.vision.ingress.analysis.ImageIntake;
import gallery.vision.ingress.dispatch.InProcessDispatcher;
import gallery.vision.ingress.dispatch.StoredAnswers;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.ingress.jobs.EmbeddedBulkLane;
import gallery.vision.ingress.jobs.LocalBulkAnalysis;
import gallery.vision.ingress.metrics.CountingStoredAnswers;
import gallery.vision.ingress.metrics.JobsWaiting;
import gallery.vision.ingress.models.ModelCatalog;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.bulk.BulkAnalysis;
import gallery.vision.worker.bulk.InteractiveFirstGate;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.job.JobHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Embedded mode (the default): the analysis core runs in this process and answers live under {@code DATA_DIR}. The
 * only place where the ingress uses the worker's classes.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.EMBEDDED)
@Import(WorkerCoreConfiguration.class)
@EnableConfigurationProperties(OnnxRuntimeProperties.class)
public class EmbeddedModeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedModeConfiguration.class);

    @Bean
    InProcessDispatcher inProcessDispatcher(JobHandler handler, EmbeddedProperties embedded, IngressProperties ingress,
                                            OnnxRuntimeProperties onnx) {
        return new InProcessDispatcher(job -> handler.prepare(job.kind(), job.sha1(), job.image()),
                embedded.effectiveWorkers(onnx.intraOpThreads()), embedded.queueCapacity(), ingress.requestTimeout());
    }

    /** Gauge {@code gallery_vision_jobs_waiting{lane="interactive"}}: jobs waiting for an analysis thread. */
    @Bean
    MeterBinder analysisQueueMetrics(InProcessDispatcher dispatcher) {
        return registry -> JobsWaiting.register(registry, MetricNames.INTERACTIVE, dispatcher, InProcessDispatcher::queued);
    }

    /** A request's image is decoded at once, under the pixel budget: the analysis in this process needs the pixels. */
    @Bean
    ImageIntake imageIntake(BudgetedDecoder decoder) {
        return decoder::decode;
    }

    @Bean
    StoredAnswers storedAnswers(JobHandler handler, MeterRegistry registry) {
        return new CountingStoredAnswers(handler::storedAnswer, registry);
    }

    /**
     * Bulk jobs behind interactive work: an analysis starts only while no synchronous request is in flight. There is
     * no redelivery in this process, so a failure is recorded at once (an unexpected one as the 500 the synchronous
     * route would answer).
     */
    @Bean
    LocalBulkAnalysis localBulkAnalysis(JobHandler handler, AnalysisFailures failures, AnalysisService interactive) {
        BulkAnalysis analysis = new BulkAnalysis(handler, failures, new InteractiveFirstGate(interactive::inFlight));
        return (sha1, kinds, image) -> analysis.run(sha1, kinds, image, ApiError.INTERNAL.exception());
    }

    /**
     * The bulk lane, sized so that its analyses together use the cores without oversubscribing them: each runs
     * networks with {@code ONNX_INTRA_OP_THREADS} threads (see {@link EmbeddedProperties#effectiveBulkThreads}).
     */
    @Bean
    EmbeddedBulkLane embeddedBulkLane(LocalBulkAnalysis analysis, BlobStore store, JpegDecoder decoder,
                                      BudgetedDecoder budgeted, EmbeddedProperties embedded,
                                      OnnxRuntimeProperties onnx) {
        int threads = embedded.effectiveBulkThreads(onnx.intraOpThreads());
        log.info("bulk lane: {} threads, {} ONNX intra-op threads each", threads, onnx.intraOpThreads());
        // Jobs keep their validation's pixels (one decode per job) within an eighth of the decode budget.
        return new EmbeddedBulkLane(analysis, store, decoder, threads, budgeted.budget().capacity() / 8);
    }

    @Bean
    ModelCatalog installedModels(AnalyzerRegistry analyzers) {
        return analyzers::model;
    }
}

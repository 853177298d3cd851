package gallery.vision.ingress.config;

import gallery.vision.ingress.dispatch.InProcessDispatcher;
import gallery.vision.ingress.dispatch.JobDispatcher;
import gallery.vision.ingress.dispatch.StoredAnswers;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.job.JobHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/** Embedded mode (the default): the analysis core runs in this process and answers live under {@code DATA_DIR}. */
@Configuration(proxyBeanMethods = false)
@Profile("!distributed")
@Import(WorkerCoreConfiguration.class)
public class EmbeddedModeConfiguration {

    @Bean
    InProcessDispatcher inProcessDispatcher(AnalyzerRegistry analyzers, JobHandler handler, EmbeddedProperties embedded) {
        return new InProcessDispatcher(analyzers, handler, embedded.effectiveWorkers(), embedded.queueCapacity());
    }

    @Bean
    StoredAnswers storedAnswers(JobHandler handler) {
        return handler::storedAnswer;
    }
}

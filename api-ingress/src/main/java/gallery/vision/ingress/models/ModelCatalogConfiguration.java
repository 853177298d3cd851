package gallery.vision.ingress.models;

import gallery.vision.ingress.dispatch.amqp.AnnouncedModels;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Where {@link ModelCatalog} looks, per mode. */
@Configuration(proxyBeanMethods = false)
public class ModelCatalogConfiguration {

    @Bean
    @Profile("!distributed")
    ModelCatalog installedModels(AnalyzerRegistry analyzers) {
        return analyzers::model;
    }

    @Bean
    @Profile("distributed")
    ModelCatalog announcedModels(AnnouncedModels announced) {
        return announced::current;
    }
}

package gallery.vision.worker;

import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.djl.DjlPrivacy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A vision worker on its own: consumes analysis jobs from the broker (distributed mode). Its settings live in
 * {@code vision-worker.yml}, so that the file never shadows the ingress' own when the worker is embedded there.
 */
@SpringBootApplication
@Import(WorkerCoreConfiguration.class)
public class VisionWorkerApplication {

    public static void main(String[] args) {
        DjlPrivacy.ensure();
        SpringApplication app = new SpringApplication(VisionWorkerApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "vision-worker"));
        app.run(args);
    }
}

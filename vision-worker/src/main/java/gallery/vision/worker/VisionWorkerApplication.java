package gallery.vision.worker;

import gallery.vision.common.DeploymentProfiles;
import gallery.vision.common.storage.S3StorageConfiguration;
import gallery.vision.worker.config.WorkerCoreConfiguration;
import gallery.vision.worker.memory.ProcessMemoryDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A vision worker on its own: consumes analysis jobs from the broker (distributed mode, so the {@code distributed}
 * profile is always on: S3 storage, the AMQP job consumer). Its settings live in {@code vision-worker.yml}, so that
 * the file never shadows the ingress' own when the worker is embedded there.
 */
@SpringBootApplication
@Import({WorkerCoreConfiguration.class, S3StorageConfiguration.class})
public class VisionWorkerApplication {

    public static void main(String[] args) {
        ProcessMemoryDefaults.apply();
        SpringApplication app = new SpringApplication(VisionWorkerApplication.class);
        configure(app);
        app.run(args);
    }

    /** The worker's settings file and profile; also used by tests that start workers in-process. */
    public static SpringApplication configure(SpringApplication app) {
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "vision-worker"));
        app.setAdditionalProfiles(DeploymentProfiles.DISTRIBUTED);
        return app;
    }
}

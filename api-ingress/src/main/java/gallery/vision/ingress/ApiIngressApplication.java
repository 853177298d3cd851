package gallery.vision.ingress;

import gallery.vision.worker.memory.ProcessMemoryDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The HTTP front of Gallery Vision: the original Home Gallery API server's REST contract on port 3000. By default
 * it analyzes in-process (embedded mode); the {@code distributed} profile sends jobs to workers over RabbitMQ.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiIngressApplication {

    public static void main(String[] args) {
        ProcessMemoryDefaults.apply();
        SpringApplication.run(ApiIngressApplication.class, args);
    }
}

package gallery.vision.ingress.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.management.ManagementFactory;

/** The seed's liveness route. Spring's actuator health (with broker and storage checks) is at /actuator/health. */
@RestController
public class HealthController {

    /** {@code health} is always "OK" while the process serves; {@code uptime} counts milliseconds since start. */
    public record Health(String health, long uptime) {
    }

    @GetMapping("/health")
    public Health health() {
        return new Health("OK", ManagementFactory.getRuntimeMXBean().getUptime());
    }
}

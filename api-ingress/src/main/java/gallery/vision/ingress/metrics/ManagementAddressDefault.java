package gallery.vision.ingress.metrics;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Binds a separate management port ({@code MANAGEMENT_PORT}) to {@code MANAGEMENT_ADDRESS}, loopback unless set.
 * Spring Boot would bind it to every interface, and refuses a management address when there is no separate port,
 * so the address can only be given here, once the port is known. Runs after the configuration files are read.
 */
public final class ManagementAddressDefault implements EnvironmentPostProcessor, Ordered {

    static final String PORT = "management.server.port";
    static final String ADDRESS = "management.server.address";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty(PORT);
        if (port == null || port.isBlank() || environment.containsProperty(ADDRESS)
                || (!port.strip().equals("0") && port.strip().equals(environment.getProperty("server.port")))) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("managementAddressDefault",
                Map.of(ADDRESS, environment.getProperty("MANAGEMENT_ADDRESS", "127.0.0.1"))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

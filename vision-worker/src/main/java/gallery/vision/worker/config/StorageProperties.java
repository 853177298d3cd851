package gallery.vision.worker.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Where answers (and, in distributed mode, images) are stored.
 *
 * @param dataDir {@code DATA_DIR}: root directory of the filesystem store used in embedded mode
 */
@Validated
@ConfigurationProperties("gallery.storage")
public record StorageProperties(@NotNull(message = "DATA_DIR must be set") Path dataDir) {
}
